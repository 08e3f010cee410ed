import type { StoreDatabase } from '../../src/store/collection';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { ensureIndexes } from '../../src/store/indexes';
import { openMongoDatabase } from '../../src/store/mongo/mongo-database';
import { makeTempDir } from './temp-dir';

/** The engines a contract suite runs on: embedded always, MongoDB too when MONGODB_URI is set. */
export function storeEngines(): { name: string; open: () => Promise<StoreDatabase> }[] {
  const engines: { name: string; open: () => Promise<StoreDatabase> }[] = [{ name: 'embedded', open: async () => { const db = openEmbeddedDatabase({ dataDir: makeTempDir('store') }); await ensureIndexes(db); return db; } }];
  const uri = process.env.MONGODB_URI;
  if (uri) {
    engines.push({
      name: 'mongodb',
      open: async () => {
        const db = await openMongoDatabase({ uri, dbName: `test_${process.pid}_${Date.now()}` });
        await ensureIndexes(db);
        return db;
      },
    });
  }
  return engines;
}
