import type { Logger } from 'pino';
import type { StoreDatabase } from './collection';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded/embedded-database';
import { ensureIndexes } from './indexes';
import { openMongoDatabase } from './mongo/mongo-database';
import { StoreBookingRepository, type BookableSessionDocument } from './repositories/booking-repository';
import {
  StoreCatalogVersionRepository, StoreCourseRepository, StoreRoomRepository, StoreSessionRepository,
  type CourseDocument, type MetaDocument, type RoomDocument, type SessionDocument,
} from './repositories/catalog-repositories';
import { StoreDeliveryQueue, type DeliveryDocument } from './repositories/delivery-queue';
import { StoreConversationReferenceRepository, StoreUserRepository, type ConversationReferenceDocument, type UserDocument } from './repositories/people-repositories';
import { StoreSecrets, type SecretDocument } from './repositories/secrets';
import type { CooccurrenceDocument, PopularityDocument, ProfileDocument } from './repositories/usage-aggregate-documents';
import { StoreUsageAggregateRepository } from './repositories/usage-aggregates';
import { StoreUsageRepository, type UsageDocument } from './repositories/usage-repository';

/** The repositories over one database, as `main.ts` hands them to services. */
export interface Store {
  readonly db: StoreDatabase;
  readonly sessions: StoreSessionRepository;
  readonly courses: StoreCourseRepository;
  readonly rooms: StoreRoomRepository;
  readonly bookings: StoreBookingRepository;
  readonly catalogVersion: StoreCatalogVersionRepository;
  readonly users: StoreUserRepository;
  readonly conversationReferences: StoreConversationReferenceRepository;
  readonly usage: StoreUsageRepository;
  readonly usageAggregates: StoreUsageAggregateRepository;
  readonly deliveries: StoreDeliveryQueue;
  readonly secrets: StoreSecrets;
}

export type StoreOptions = { mongo: { uri: string; dbName: string } | undefined; dataDir: string };

/** MongoDB when `MONGODB_URI` is set, the embedded engine in `DATA_DIR` otherwise; indexes created. */
export async function openDatabase(options: StoreOptions, log: Logger): Promise<StoreDatabase> {
  const db = options.mongo ? await openMongoDatabase(options.mongo) : openEmbeddedDatabase({ dataDir: options.dataDir });
  if (db.engine === 'embedded') reportCorruption(db as EmbeddedDatabase, log);
  await ensureIndexes(db);
  log.info({ engine: db.engine }, 'store open');
  return db;
}

export function createStore(db: StoreDatabase, now: () => Date = () => new Date()): Store {
  return {
    db,
    sessions: new StoreSessionRepository(db.collection<SessionDocument>('sessions')),
    courses: new StoreCourseRepository(db.collection<CourseDocument>('courses')),
    rooms: new StoreRoomRepository(db.collection<RoomDocument>('rooms')),
    bookings: new StoreBookingRepository(db.collection<BookableSessionDocument>('sessions')),
    catalogVersion: new StoreCatalogVersionRepository(db.collection<MetaDocument>('meta')),
    users: new StoreUserRepository(db.collection<UserDocument>('users')),
    conversationReferences: new StoreConversationReferenceRepository(db.collection<ConversationReferenceDocument>('conversationReferences')),
    usage: new StoreUsageRepository(db.collection<UsageDocument>('usage')),
    usageAggregates: new StoreUsageAggregateRepository(
      db.collection<ProfileDocument>('usageProfiles'),
      db.collection<PopularityDocument>('usagePopularity'),
      db.collection<CooccurrenceDocument>('usageCooccurrence'),
    ),
    deliveries: new StoreDeliveryQueue(db.collection<DeliveryDocument>('deliveries'), now),
    secrets: new StoreSecrets(db.collection<SecretDocument>('secrets')),
  };
}

function reportCorruption(db: EmbeddedDatabase, log: Logger): void {
  for (const report of db.corruption) {
    log.error(
      { collection: report.collection, file: report.file, corruptLines: report.corruptLines.slice(0, 20), corruptCount: report.corruptLines.length, keptCopy: report.quarantinedTo },
      'data file held unreadable lines (a torn write or manual edit): they were skipped, every intact record was kept, and the original was copied aside',
    );
  }
}
