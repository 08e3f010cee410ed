import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { StoreDatabase } from '../../src/store/collection';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database';
import { ensureIndexes } from '../../src/store/indexes';
import { openMongoDatabase } from '../../src/store/mongo/mongo-database';
import { makeTempDir } from '../helpers/temp-dir';

export interface Engine {
  readonly name: string;
  open(): Promise<StoreDatabase>;
}

/** The embedded engine always; MongoDB too when MONGODB_URI is set (a fresh database per test, dropped on close). */
export function engines(): Engine[] {
  const list: Engine[] = [
    {
      name: 'embedded',
      open: async () => {
        const db = openEmbeddedDatabase({ dataDir: makeTempDir('contract') });
        await ensureIndexes(db);
        return db;
      },
    },
  ];
  const uri = process.env.MONGODB_URI;
  if (uri) {
    list.push({
      name: 'mongodb',
      open: async () => {
        const dbName = `contract_${randomUUID().slice(0, 8)}`;
        const db = await openMongoDatabase({ uri, dbName });
        await ensureIndexes(db);
        const close = async () => {
          const client = await new MongoClient(uri).connect();
          await client.db(dbName).dropDatabase();
          await client.close();
          await db.close();
        };
        return { ...db, close };
      },
    });
  }
  return list;
}
