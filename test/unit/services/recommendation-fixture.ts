import { createCatalogService } from '../../../src/compose-core';
import type { Course, Room, Session } from '../../../src/domain/catalog';
import { DigestService } from '../../../src/services/digest-service';
import { RecommendationService } from '../../../src/services/recommendation-service';
import { LinkSigner } from '../../../src/services/signed-links';
import { TrackedLinks } from '../../../src/services/tracked-links';
import { UsageService } from '../../../src/services/usage-service';
import type { StoreDatabase } from '../../../src/store/collection';
import { openEmbeddedDatabase } from '../../../src/store/embedded/embedded-database';
import { ensureIndexes } from '../../../src/store/indexes';
import { createStore, type Store } from '../../../src/store/open-store';
import { FixedClock } from '../../helpers/clock';
import { silentLog } from '../../helpers/silent-log';
import { makeTempDir } from '../../helpers/temp-dir';

const course = (id: string, title: string, topics: string[], language: 'en' | 'fr' = 'en', durationMinutes = 30): Course =>
  ({ id, title, description: '…', topics, durationMinutes, language, url: `https://learn.example.com/courses/${id}` });

export const COURSES: Course[] = [
  course('sleep-7', 'Sleep better in 7 days', ['sleep'], 'en', 35),
  course('dormir-7', 'Mieux dormir en 7 jours', ['sleep'], 'fr', 35),
  course('insomnia', 'Understanding insomnia', ['sleep', 'anxiety'], 'en', 25),
  course('budget', 'Budgeting without stress', ['financial stress'], 'en', 30),
  course('grief', 'Understanding grief', ['grief'], 'en', 30),
  course('move', 'Move more, sit less', ['movement'], 'en', 20),
  course('breathe', 'Breathing exercises for stress', ['mindfulness', 'stress'], 'en', 12),
];
export const SESSIONS: Session[] = [
  { id: 's-dormir', title: 'Mieux dormir dès ce soir', description: '…', topics: ['sleep'], facilitator: 'Claire Dubois', startsAt: new Date('2026-11-20T12:00:00Z'), durationMinutes: 40, capacity: 20, language: 'fr', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', status: 'scheduled' },
];
export const ROOMS: Room[] = [{ id: 'r-calm', title: 'Quiet room: guided breathing', description: '…', topics: ['stress'], language: 'en', url: 'https://learn.example.com/rooms/r-calm' }];

export interface Fixture {
  readonly db: StoreDatabase;
  readonly store: Store;
  readonly clock: FixedClock;
  readonly usage: UsageService;
  readonly links: TrackedLinks;
  readonly recommendations: RecommendationService;
  readonly digests: DigestService;
}

export async function openFixture(): Promise<Fixture> {
  const db = openEmbeddedDatabase({ dataDir: makeTempDir('recommend') });
  await ensureIndexes(db);
  const clock = new FixedClock();
  const store = createStore(db, () => clock.now());
  const catalog = createCatalogService(store, clock, silentLog);
  await catalog.import({ sessions: SESSIONS.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })), courses: COURSES, rooms: ROOMS });
  const usage = new UsageService({ usage: store.usage, aggregates: store.usageAggregates, sessions: store.sessions, courses: store.courses, rooms: store.rooms, clock, log: silentLog });
  const links = new TrackedLinks({ signer: new LinkSigner(Buffer.alloc(32, 7)), publicBaseUrl: 'https://wellbeing.example.com', courses: store.courses, rooms: store.rooms, usage, clock, log: silentLog });
  const recommendations = new RecommendationService({ aggregates: store.usageAggregates, users: store.users, courses: store.courses, sessions: store.sessions, rooms: store.rooms, catalogVersion: store.catalogVersion, usage, links, clock, log: silentLog });
  const digests = new DigestService({ users: store.users, recommendations, notices: store.deliveries, clock, log: silentLog });
  return { db, store, clock, usage, links, recommendations, digests };
}
