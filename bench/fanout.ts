// bench/fanout: 5,000 reminders due at the same moment, drained by one app instance (the real
// scheduler, limiter and botbuilder sender) into the loopback Bot Connector fake enforcing a global
// limit (429 + Retry-After beyond N sends in any 1,000 ms); then a plain sequential loop (await each
// send, no limiter, as the common notification samples do) on the same fake. Prints the figures.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { CardFactory, MessageFactory, type ConversationReference } from 'botbuilder';
import { createAdapter } from '../src/bot/adapter';
import { loadConfig } from '../src/config';
import { createRootLogger } from '../src/logger';
import { DeliveryRig, eventually } from '../test/helpers/delivery-rig';

const COUNT = Number(process.env.FANOUT_COUNT ?? 5_000);
/** Each send answered after this long, as the real connector does (tens to hundreds of ms). */
const LATENCY_MS = Number(process.env.FANOUT_LATENCY_MS ?? 50);

interface Stats { conversations: number; deliveries: number; duplicated: number; throttled: number }

/** The fake connector in a child process, enforcing `limit` sends per 1,000 ms. */
class RemoteConnector {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(limit: number): Promise<RemoteConnector> {
    const child = fork(path.join(__dirname, '_fake-connector-process.ts'), [], { execArgv: ['--require', 'tsx/cjs'] });
    const url = await new Promise<string>((resolve) => {
      child.once('message', (message) => resolve((message as { url: string }).url));
      child.send({ limit, latencyMs: LATENCY_MS });
    });
    return new RemoteConnector(child, url);
  }

  stats(): Promise<Stats> {
    return new Promise((resolve) => {
      this.child.once('message', (message) => resolve(message as Stats));
      this.child.send('stats');
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}

interface Figures { label: string; seconds: number; delivered: number; lost: number; duplicated: number; throttled: number; rate: number; limit: number }

async function drainWithScheduler(limit: number): Promise<Figures> {
  const connector = await RemoteConnector.start(limit);
  const rig = await DeliveryRig.start({ RATE_TENANT_RPS: String(limit), SCHEDULER_CONCURRENCY: process.env.FANOUT_CONCURRENCY ?? '64', DELIVERY_RETRY_BASE: '200ms' }, { logs: false });
  const session = await rig.addSession('s-bench', new Date(Date.now() + 3_600_000));
  await rig.seedDueReminders(COUNT, session, connector.url);
  const instance = rig.instance('bench');
  const started = performance.now();
  instance.scheduler.start();
  await eventually(async () => (await connector.stats()).conversations === COUNT, 30 * 60_000, 'the drain');
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500)); // a late duplicate would show now
  await instance.scheduler.stop();
  const figures = summarize(`scheduler @ ${limit}/s`, await connector.stats(), seconds, limit);
  await rig.close();
  connector.stop();
  return figures;
}

async function drainSequentially(limit: number): Promise<Figures> {
  const connector = await RemoteConnector.start(limit);
  // The same adapter the app uses, in local mode (no token), with no limiter and no queue around it.
  const adapter = createAdapter(loadConfig({ NODE_ENV: 'test' }), createRootLogger({ level: 'silent' }));
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const started = performance.now();
  for (let i = 0; i < COUNT; i += 1) {
    const reference: Partial<ConversationReference> = { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: `a:conv-seq-${i}`, isGroup: false, conversationType: 'personal', name: '' }, user: { id: `29:seq-${i}`, name: '' }, bot: { id: '28:bot', name: '' } };
    try {
      await adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Reminder' }] })));
      });
    } catch {
      // As the samples do: log and move on; the person is simply not reminded (counted as lost).
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const figures = summarize(`sequential loop @ ${limit}/s`, await connector.stats(), seconds, limit);
  connector.stop();
  return figures;
}

function summarize(label: string, stats: Stats, seconds: number, limit: number): Figures {
  return { label, seconds, delivered: stats.conversations, lost: COUNT - stats.conversations, duplicated: stats.duplicated, throttled: stats.throttled, rate: stats.conversations / seconds, limit };
}

function print(figures: Figures): void {
  process.stdout.write(
    `${figures.label.padEnd(26)} drain ${figures.seconds.toFixed(1).padStart(6)} s · ${figures.rate.toFixed(1).padStart(6)}/s = ${(figures.rate / figures.limit).toFixed(2)} of limit · ` +
    `429s ${String(figures.throttled).padStart(5)} · delivered ${figures.delivered} · lost ${figures.lost} · duplicated ${figures.duplicated}\n`,
  );
}

async function main(): Promise<void> {
  process.stdout.write(`bench/fanout: ${COUNT} reminders due at once, one instance, embedded store, fake connector on loopback (own process, ${LATENCY_MS} ms per send)\n`);
  const limits = (process.env.FANOUT_LIMITS ?? '50,500').split(',').map(Number);
  for (const limit of limits) {
    const ours = await drainWithScheduler(limit);
    print(ours);
    if (process.env.FANOUT_SKIP_SEQUENTIAL) continue;
    const plain = await drainSequentially(limit);
    print(plain);
    process.stdout.write(`  ratio of drain times (sequential / scheduler): ${(plain.seconds / ours.seconds).toFixed(2)}\n`);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
