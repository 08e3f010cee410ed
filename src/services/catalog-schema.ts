import { z } from 'zod';
import { CATALOG_ID, LANGUAGES, MAX_SESSION_MINUTES, type Course, type Room, type Session } from '../domain/catalog';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const topics = z.array(text(40).transform((topic) => topic.toLowerCase())).min(1, 'needs at least one topic').max(12, 'at most 12 topics');
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' }).max(2048);
const id = z.string().regex(CATALOG_ID, 'must be 1–64 letters, digits, "-", "_" or "."');
/** A point in time with its offset, e.g. 2026-12-03T12:30:00+01:00: a time without zone is ambiguous. */
const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T12:30:00+01:00' });

export const sessionRecordSchema = z.object({
  id,
  title: text(200),
  description: text(4000),
  topics,
  facilitator: text(120),
  startsAt: instant,
  durationMinutes: z.number().int().min(5).max(MAX_SESSION_MINUTES),
  capacity: z.number().int().min(1).max(10_000),
  language: z.enum(LANGUAGES as [Session['language'], ...Session['language'][]]),
  joinUrl: httpsUrl,
  status: z.enum(['scheduled', 'cancelled']).default('scheduled'),
});

export const courseRecordSchema = z.object({
  id,
  title: text(200),
  description: text(4000),
  topics,
  durationMinutes: z.number().int().min(1).max(6000),
  language: z.enum(LANGUAGES as [Course['language'], ...Course['language'][]]),
  url: httpsUrl,
});

/** A viewing room: an on-demand space open at any time; opening it goes through a tracked link. */
export const roomRecordSchema = z.object({
  id,
  title: text(200),
  description: text(4000),
  topics,
  language: z.enum(LANGUAGES as [Room['language'], ...Room['language'][]]),
  url: httpsUrl,
});

export const catalogFileSchema = z.object({
  sessions: z.array(z.unknown()).max(100_000).default([]),
  courses: z.array(z.unknown()).max(100_000).default([]),
  rooms: z.array(z.unknown()).max(100_000).default([]),
});

export function toSession(record: z.infer<typeof sessionRecordSchema>): Session {
  return { ...record, startsAt: new Date(record.startsAt) };
}

export function toCourse(record: z.infer<typeof courseRecordSchema>): Course {
  return record;
}

export function toRoom(record: z.infer<typeof roomRecordSchema>): Room {
  return record;
}
