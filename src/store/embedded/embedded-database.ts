import fs from 'node:fs';
import path from 'node:path';
import type { Document } from 'mongodb';
import type { StoreCollection, StoreDatabase } from '../collection';
import { DataDirLock } from './data-dir-lock';
import { EmbeddedCollection } from './embedded-collection';
import { CollectionJournal } from './journal';

/** A collection file that could not be read whole; the intact records were kept. */
export interface CorruptionReport {
  readonly collection: string;
  readonly file: string;
  readonly corruptLines: readonly number[];
  readonly quarantinedTo: string | undefined;
}

export interface EmbeddedDatabase extends StoreDatabase {
  readonly engine: 'embedded';
  readonly lock: DataDirLock;
  /** Collections whose files held unreadable lines at open, for the start-up log. */
  readonly corruption: readonly CorruptionReport[];
  /**
   * Rewrites every journal with live documents only. An erasure calls it: the journal is append-only,
   * so a deleted person's old lines would otherwise stay on disk until the next compaction.
   */
  compactAll(): void;
}

const COLLECTION_NAME = /^[a-z][a-zA-Z0-9_-]{0,63}$/;

/**
 * The embedded engine for `npm start` and tests: MongoDB semantics through mingo, durable files in
 * `DATA_DIR` (one journal per collection). Collections found on disk are loaded at open, so that
 * corruption is reported at start-up rather than on first use.
 */
export function openEmbeddedDatabase(options: { dataDir: string }): EmbeddedDatabase {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const lock = DataDirLock.acquire(options.dataDir);
  const collections = new Map<string, { collection: EmbeddedCollection<Document>; journal: CollectionJournal }>();
  const corruption: CorruptionReport[] = [];
  let closed = false;

  const open = (name: string) => {
    if (!COLLECTION_NAME.test(name)) throw new Error(`Invalid collection name "${name}"`);
    const file = path.join(options.dataDir, `${name}.jsonl`);
    const journal = new CollectionJournal(file);
    const loaded = journal.load();
    if (loaded.corruptLines.length > 0) {
      corruption.push({ collection: name, file, corruptLines: loaded.corruptLines, quarantinedTo: loaded.quarantinedTo });
    }
    journal.compact(loaded.documents.values());
    const entry = { collection: new EmbeddedCollection<Document>(name, loaded.documents, journal), journal };
    collections.set(name, entry);
    return entry;
  };
  for (const file of fs.readdirSync(options.dataDir)) {
    if (file.endsWith('.jsonl')) open(file.slice(0, -'.jsonl'.length));
  }

  return {
    engine: 'embedded',
    lock,
    corruption,
    collection: <T extends Document>(name: string): StoreCollection<T> => {
      if (closed) throw new Error('The embedded store is closed');
      return (collections.get(name) ?? open(name)).collection as unknown as StoreCollection<T>;
    },
    ping: async () => {
      if (closed) throw new Error('The embedded store is closed');
    },
    compactAll: () => {
      if (!closed) for (const { collection } of collections.values()) collection.compact();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const { journal } of collections.values()) journal.close();
      lock.release();
    },
  };
}
