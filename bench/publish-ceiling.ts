/**
 * The ceiling, a process of its own: every event signed and POSTed to the receiver as a queue
 * worker would send it (`publish-webhook.ts`), `BENCH_CONCURRENCY` at a time, with no queue and
 * no storage at all. Started by `start` over IPC; answers `{ done }` when the last POST returned.
 * Told `{ warmup: n }` first, it sends n untimed and answers `{ warmedUp: n }`, as the callers do.
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

async function sendAll(count: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let n = next++; n < count; n = next++) {
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
}

async function run(): Promise<void> {
  await sendAll(config.count);
  await sender.close();
  process.send?.({ done: true });
}

async function warmUp(count: number): Promise<void> {
  await sendAll(count);
  process.send?.({ warmedUp: count });
}

process.on('message', (message: 'start' | { readonly warmup: number }) => {
  const running = message === 'start' ? run() : warmUp(message.warmup);
  running.catch((error: unknown) => {
    console.error('ceiling:', error);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
