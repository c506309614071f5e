/**
 * A graphile-worker webhook sender as a team would write it in an afternoon: a runner on
 * PostgreSQL with one task, `BENCH_CONCURRENCY` jobs at once, each signed and POSTed
 * (`publish-webhook.ts`); a failed POST throws and graphile-worker retries it. It keeps no
 * record of attempts.
 */
import { run } from 'graphile-worker';
import { webhookSender, type QueuedWebhook } from './publish-webhook.js';

interface SenderConfig {
  readonly concurrency: number;
  readonly origins: number;
  readonly databaseUrl: string;
  readonly schema: string;
}

const config = JSON.parse(process.env['BENCH_CONFIG'] ?? '{}') as SenderConfig;
const sender = webhookSender(Math.ceil(config.concurrency / config.origins));
const runner = await run({
  connectionString: config.databaseUrl,
  schema: config.schema,
  concurrency: config.concurrency,
  noHandleSignals: true,
  taskList: {
    webhook: (payload, helpers) => sender.send(payload as QueuedWebhook, helpers.job.attempts),
  },
});
process.on('disconnect', () => {
  void runner.stop().finally(() => process.exit(0));
});
process.send?.({ ready: true });
