import type { Logger } from 'pino';
import type { Config } from '../config';
import { DataDirLockedError } from '../store/embedded/data-dir-lock';
import { createStore, openDatabase, type Store } from '../store/open-store';

/** How an operator command reaches the app that holds the embedded store: loopback, with the lock file's secret. */
export interface RunningApp {
  readonly baseUrl: string;
  readonly secret: string;
}

/**
 * Operator commands work directly on MongoDB or on an idle embedded store. A running app owns its
 * embedded `DATA_DIR` (two writers would corrupt it), so then the work goes through that app's
 * loopback `/internal/*` routes instead.
 */
export async function withStoreOrRunningApp<T>(
  config: Config,
  log: Logger,
  work: { direct(store: Store): Promise<T>; viaApp(app: RunningApp): Promise<T> },
): Promise<T> {
  let db;
  try {
    db = await openDatabase({ mongo: config.mongo, dataDir: config.dataDir }, log);
  } catch (error) {
    if (!(error instanceof DataDirLockedError) || !error.holder.port) throw error;
    return work.viaApp({ baseUrl: `http://127.0.0.1:${error.holder.port}`, secret: error.holder.secret });
  }
  try {
    return await work.direct(createStore(db));
  } finally {
    await db.close();
  }
}
