/**
 * The ceiling, a process of its own: every event signed and POSTed to the receiver as a queue
 * worker would send it (`publish-webhook.ts`), `BENCH_CONCURRENCY` at a time, with no queue and
 * no storage at all. Started by `start` over IPC; answers `{ done }` when the last POST returned.
 */
import { randomUUID } from 'node:crypto';
import { benchEvent, nowUs } from './publish-clock.js';
import { webhookSender } from './publish-webhook.js';

interface CeilingConfig {
  readonly count: number;
  readonly concurrency: number;
  readonly urls: readonly string[];
}

const config = JSON.parse(process.env['BENCH_CONFIG'] ?? '{}') as CeilingConfig;
const sender = webhookSender(Math.ceil(config.concurrency / config.urls.length));

async function run(): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let n = next++; n < config.count; n = next++) {
      const event = benchEvent(n, config.urls, nowUs());
      await sender.send(
        {
          id: randomUUID(),
          event_type: event.event_type,
          payload: event.payload,
          url: event.webhook_url,
        },
        1,
      );
    }
  };
  await Promise.all(Array.from({ length: config.concurrency }, lane));
  await sender.close();
  process.send?.({ done: true });
}

process.once('message', () => {
  run().catch((error: unknown) => {
    console.error('ceiling:', error);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
