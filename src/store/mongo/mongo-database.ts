import { MongoClient, type Document } from 'mongodb';
import type { StoreCollection, StoreDatabase } from '../collection';

/** The production engine: the official driver; its `Collection` already is a `StoreCollection`. */
export async function openMongoDatabase(options: { uri: string; dbName: string }): Promise<StoreDatabase> {
  const client = new MongoClient(options.uri, { serverSelectionTimeoutMS: 10_000, appName: 'wellbeing-teams-app' });
  await client.connect();
  const db = client.db(options.dbName);
  return {
    engine: 'mongodb',
    collection: <T extends Document>(name: string): StoreCollection<T> => db.collection<T>(name),
    ping: async () => {
      await db.command({ ping: 1 });
    },
    close: () => client.close(),
  };
}
