import type { Config } from '../../config';
import type { QueueInspector, QueueRow, QueueSummary, QueueView } from '../../domain/delivery-ports';
import { createRootLogger } from '../../logger';
import { withStoreOrRunningApp } from '../store-or-running-app';

/**
 * Runs `work` against the delivery queue: directly on MongoDB or an idle embedded store, or through
 * the running app's loopback admin route when the app holds the embedded `DATA_DIR`.
 */
export async function withQueueInspector<T>(config: Config, work: (queue: QueueInspector, now: Date) => Promise<T>): Promise<T> {
  return withStoreOrRunningApp(config, createRootLogger({ level: 'warn', destination: process.stderr }), {
    direct: (store) => work(store.deliveryAdmin, new Date()),
    viaApp: (app) => work(new RunningAppQueue(app.baseUrl, app.secret), new Date()),
  });
}

/** The same inspector over the running app's `/internal/admin/queue` route. */
class RunningAppQueue implements QueueInspector {
  private cached: { summary: QueueSummary; items: QueueRow[] } | undefined;

  constructor(private readonly baseUrl: string, private readonly secret: string) {}

  async summary(): Promise<QueueSummary> {
    return (this.cached ?? (await this.fetchList('pending', 1))).summary;
  }

  async list(view: QueueView, _now: Date, limit = 50): Promise<QueueRow[]> {
    this.cached = await this.fetchList(view, limit);
    return this.cached.items;
  }

  async retryDead(_now: Date, ref?: string): Promise<number> {
    const response = await fetch(`${this.baseUrl}/internal/admin/queue/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(ref ? { ref } : { all: true }),
    });
    if (!response.ok) throw new Error(`the running app answered ${response.status}`);
    return ((await response.json()) as { retried: number }).retried;
  }

  private async fetchList(view: QueueView, limit: number): Promise<{ summary: QueueSummary; items: QueueRow[] }> {
    const response = await fetch(`${this.baseUrl}/internal/admin/queue?view=${view}&limit=${limit}`, { headers: { authorization: `Bearer ${this.secret}` } });
    if (!response.ok) throw new Error(`the running app answered ${response.status}`);
    return (await response.json()) as { summary: QueueSummary; items: QueueRow[] };
  }
}
