/**
 * A BullMQ webhook sender as a team would write it in an afternoon: a Worker on Redis running
 * `BENCH_CONCURRENCY` jobs at once, each signed and POSTed (`publish-webhook.ts`); a failed
 * POST throws, and BullMQ retries it with the job's backoff. It keeps no record of attempts.
 */
import { Worker } from 'bullmq';
import { webhookSender, type QueuedWebhook } from './publish-webhook.js';

interface SenderConfig {
  readonly concurrency: number;
  readonly origins: number;
  readonly redis: { readonly host: string; readonly port: number };
  readonly queue: string;
}

const config = JSON.parse(process.env['BENCH_CONFIG'] ?? '{}') as SenderConfig;
const sender = webhookSender(Math.ceil(config.concurrency / config.origins));
const worker = new Worker<QueuedWebhook>(
  config.queue,
  (job) => sender.send(job.data, job.attemptsMade + 1),
  { connection: config.redis, concurrency: config.concurrency },
);
worker.on('error', (error) => {
  console.error('bullmq sender:', error);
});
await worker.waitUntilReady();
process.on('disconnect', () => {
  void worker.close().finally(() => process.exit(0));
});
process.send?.({ ready: true });
