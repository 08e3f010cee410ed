import type { Config } from '../../config';
import type { QueueRow, QueueSummary, QueueView } from '../../domain/delivery-ports';
import type { AdminCommand } from '../admin';
import { withQueueInspector } from './queue-access';

const VIEWS: readonly QueueView[] = ['pending', 'failing', 'dead'];

/**
 * `queue [pending|failing|dead] [--limit N]` lists items (no personal data: a hashed ref, the kind,
 * the session, timings and the last error); `queue retry --ref REF` or `queue retry --all` puts dead
 * items back in the queue.
 */
export const queueCommand: AdminCommand = {
  summary: 'show pending, failing and dead reminders/notices; "queue retry --all | --ref REF" retries dead ones',
  async run(args: readonly string[], config: Config): Promise<number> {
    if (args[0] === 'retry') {
      const ref = valueOf(args, '--ref');
      const all = args.includes('--all');
      if (Boolean(ref) === all || (ref && !/^[0-9a-f]{12}$/.test(ref))) {
        process.stderr.write('Usage: npm run admin -- queue retry --all | --ref REF (the 12-character ref from the dead list)\n');
        return 2;
      }
      const retried = await withQueueInspector(config, (queue, now) => queue.retryDead(now, ref));
      process.stdout.write(`${retried} dead item(s) put back in the queue, due now.\n`);
      return 0;
    }
    const view = (args[0] ?? 'pending') as QueueView;
    const limit = Number(valueOf(args, '--limit') ?? 50);
    if (!VIEWS.includes(view) || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
      process.stderr.write(`Usage: npm run admin -- queue [${VIEWS.join('|')}] [--limit 1..1000]\n`);
      return 2;
    }
    const { summary, items } = await withQueueInspector(config, async (queue, now) => ({ summary: await queue.summary(now), items: await queue.list(view, now, limit) }));
    process.stdout.write(formatQueue(summary, view, items));
    return 0;
  },
};

function valueOf(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

export function formatQueue(summary: QueueSummary, view: QueueView, items: readonly QueueRow[]): string {
  const head = `pending: ${summary.pendingDue} due, ${summary.pendingLater} later · failing: ${summary.failing} · dead: ${summary.dead} · done: ${summary.done}\n`;
  if (items.length === 0) return `${head}\nNo ${view} items.\n`;
  const rows = items.map((item) => [
    item.ref, item.kind, item.sessionId ?? '-', new Date(item.dueAt).toISOString(), String(item.attempts), String(item.throttled),
    item.leased ? 'leased' : '', item.lastError ?? '',
  ].join('  '));
  return `${head}\n${view} (ref  kind  session  due  attempts  throttled  lease  last error):\n${rows.join('\n')}\n`;
}
