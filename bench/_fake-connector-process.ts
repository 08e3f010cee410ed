// The Bot Connector fake in its own process for bench/fanout, so that its work does not share the
// app's event loop (Teams does not run on our CPU). Speaks to the parent over IPC:
// parent → { limit, latencyMs }   child → { url };   parent → 'stats'   child → { conversations, deliveries, duplicated, throttled }.
import { FakeBotConnector } from '../test/fakes/bot-connector';

async function main(): Promise<void> {
  const connector = await new FakeBotConnector().start();
  process.on('message', (message: unknown) => {
    if (message === 'stats') {
      const perConversation = connector.deliveredPerConversation();
      process.send!({ conversations: perConversation.size, deliveries: connector.delivered.length, duplicated: [...perConversation.values()].filter((n) => n > 1).length, throttled: connector.throttled });
      // Recorded requests are not needed by the bench and would grow with every run.
      connector.requests.length = 0;
    } else if (typeof message === 'object' && message !== null && 'limit' in message) {
      const { limit, latencyMs } = message as { limit: number; latencyMs: number };
      connector.enforceRateLimit(limit);
      connector.latencyMs = latencyMs;
      process.send!({ url: connector.url });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

void main();
