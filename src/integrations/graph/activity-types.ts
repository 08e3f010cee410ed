/** Activity-feed notification types; each must be declared in appPackage/manifest.json `activities.activityTypes`. */
export const FEED_ACTIVITY_TYPES = {
  sessionReminder: 'sessionReminder',
  sessionChanged: 'sessionChanged',
  courseRecommended: 'courseRecommended',
} as const;
