import type { StoreDatabase } from '../../src/store/collection';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { ensureIndexes } from '../../src/store/indexes';
import { openMongoDatabase } from '../../src/store/mongo/mongo-database';
import { makeTempDir } from './temp-dir';

export interface EngineUnderTest {
  readonly name: 'embedded' | 'mongodb';
  /** A fresh, empty database with the app's indexes. */
  open(): Promise<StoreDatabase>;
}

const embedded: EngineUnderTest = {
  name: 'embedded',
  open: async () => {
    const db = openEmbeddedDatabase({ dataDir: makeTempDir('contract') });
    await ensureIndexes(db);
    return db;
  },
};

let mongoCounter = 0;
const mongo: EngineUnderTest = {
  name: 'mongodb',
  open: async () => {
    mongoCounter += 1;
    const db = await openMongoDatabase({ uri: process.env.MONGODB_URI!, dbName: `wellbeing_test_${process.pid}_${mongoCounter}` });
    await ensureIndexes(db);
    return db;
  },
};

/**
 * Runs `suite` once per engine: always on the embedded engine, and on MongoDB when `MONGODB_URI` is
 * set. Without it the MongoDB run is reported as skipped, with the reason, so nobody mistakes it for a pass.
 */
export function forEachEngine(suite: (engine: EngineUnderTest) => void): void {
  describe('embedded engine', () => suite(embedded));
  if (process.env.MONGODB_URI) {
    describe('MongoDB engine', () => suite(mongo));
  } else {
    describe('MongoDB engine', () => {
      it('runs only when MONGODB_URI is set (skipped: no MongoDB server on this machine)', function () {
        this.skip();
      });
    });
  }
}
