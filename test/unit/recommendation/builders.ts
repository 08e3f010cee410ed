import type { Course } from '../../../src/domain/catalog';
import type { ItemTrace, PersonProfile } from '../../../src/domain/recommendation/profile';
import { itemKey, type Signal } from '../../../src/domain/recommendation/signals';
import type { TenantSignals } from '../../../src/domain/recommendation/tenant-signals';
import type { ItemType } from '../../../src/domain/usage';

export const NOW = new Date('2026-12-01T09:00:00Z');
export const DAY = 86_400_000;
export const ALICE = { userId: 'alice', tenantId: 't1' };

export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

export function course(id: string, topics: string[], extra: Partial<Course> = {}): Course {
  return { id, title: `Course ${id}`, description: '…', topics, durationMinutes: 30, language: 'en', url: `https://learn.example.com/${id}`, ...extra };
}

export function trace(itemType: ItemType, itemId: string, topics: string[], signals: Partial<Record<Signal, number>>, lastDaysAgo = 1): [string, ItemTrace] {
  return [itemKey(itemType, itemId), { itemType, itemId, topics, first: daysAgo(lastDaysAgo + 10), last: daysAgo(lastDaysAgo), signals }];
}

export function profile(traces: [string, ItemTrace][], dismissed: string[] = []): PersonProfile {
  return { items: Object.fromEntries(traces), dismissed };
}

/** Tenant counts from a compact description: popularity per item and symmetric pair counts. */
export function tenant(tenantId: string, popularity: Record<string, number>, pairs: [string, string, number][] = []): TenantSignals {
  const cooccurrence = new Map<string, Map<string, number>>();
  for (const [a, b, n] of pairs) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      if (!cooccurrence.has(from)) cooccurrence.set(from, new Map());
      cooccurrence.get(from)!.set(to, n);
    }
  }
  return { tenantId, popularity: new Map(Object.entries(popularity)), cooccurrence };
}
