/**
 * When a booked person is reminded of a session: one reminder per offset before the start. Offsets
 * come from the person's settings or the configured default. Rules (issue #6):
 * - an offset already past at planning time is skipped;
 * - except that a booking made inside the last (shortest) offset gets one "starting soon" reminder,
 *   due at once (offset 0), so someone booking 5 minutes before still hears about it;
 * - no reminder once the session has started, and none when the person chose no reminders.
 * Moving a session re-plans with the new start; keys carry the start, so a moved session's
 * reminders never collide with those already sent for the old time.
 */
export interface PlannedReminder {
  /** Milliseconds before the start; 0 is the "starting soon" reminder. */
  readonly offsetMs: number;
  readonly dueAt: Date;
}

export const STARTING_SOON_OFFSET_MS = 0;

export function planReminders(startsAt: Date, now: Date, offsetsMs: readonly number[]): PlannedReminder[] {
  const start = startsAt.getTime();
  const current = now.getTime();
  const offsets = [...new Set(offsetsMs.filter((ms) => Number.isFinite(ms) && ms > 0))].sort((a, b) => b - a);
  if (offsets.length === 0 || current >= start) return [];
  const upcoming = offsets.filter((ms) => start - ms > current).map((ms) => ({ offsetMs: ms, dueAt: new Date(start - ms) }));
  const shortest = offsets[offsets.length - 1]!;
  if (start - shortest <= current) return [...upcoming, { offsetMs: STARTING_SOON_OFFSET_MS, dueAt: new Date(current) }];
  return upcoming;
}

/** The offsets that apply to a person: their own choice (an empty list means none), else the default. */
export function effectiveOffsets(personal: readonly number[] | undefined, fallback: readonly number[]): readonly number[] {
  return personal ?? fallback;
}

/** The choices the settings card offers, longest first. */
export const REMINDER_CHOICES_MS = [86_400_000, 3_600_000, 900_000] as const;
