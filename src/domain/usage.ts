import type { Person } from './people';

export const USAGE_KINDS = [
  'session.booked',
  'session.cancelled',
  'session.waitlisted',
  'session.promoted',
  'session.attended',
  'course.viewed',
  'room.visited',
  'recommendation.shown',
  'recommendation.opened',
] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

export type ItemType = 'session' | 'course' | 'room';

/** One thing a person did, with its date. Holds ids only: no name, no e-mail. */
export interface UsageRecord extends Person {
  readonly kind: UsageKind;
  readonly itemType: ItemType;
  readonly itemId: string;
  readonly at: Date;
}
