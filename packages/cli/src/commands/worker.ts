import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { addEngineOptions, configFrom, reportStartFailure } from './config-options.js';
import { addOperationsOptions as ops, operationsFlags } from './operations-options.js';
import { stopWithin } from './stop-within.js';

/** `switchboard worker`: only the delivery worker, sharing a database with API servers. */
export function workerCommand(io: CliIo): Command {
  const command = new Command('worker').description(
    'run only the delivery worker against a shared database (usually PostgreSQL)',
  );
  return addEngineOptions(ops(command)).action(async (options: Record<string, unknown>) => {
    const config = configFrom(operationsFlags(options), io);
    if (config === null) {
      process.exitCode = 2;
      return;
    }
    try {
      const { useServingV8Flags, startWorker } = await import('@switchboard/server');
      useServingV8Flags();
      const worker = await startWorker(config);
      io.out(`Switchboard worker ${worker.owner} started`);
      io.onStopSignal(() => void stopWithin(() => worker.close(), config.shutdownGraceMs, io));
    } catch (error) {
      reportStartFailure(error, io);
    }
  });
}
