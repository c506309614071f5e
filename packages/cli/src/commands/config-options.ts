import type { Command } from 'commander';
import { loadServerConfig, type ConfigFlags, type ServerConfig } from '@switchboard/server/config';
import type { CliIo } from '../cli-io.js';

/** Engine flags shared by `serve` and `worker`. Secrets are read from the environment only. */
export function addEngineOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'data directory (SQLite file, api_key file)', undefined)
    .option('--database-url <url>', 'PostgreSQL URL (env SWITCHBOARD_DATABASE_URL)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent')
    .option('--webhook-timeout-ms <ms>', 'per-try timeout when an application sets none')
    .option('--retry-schedule <ms,ms,…>', 'delays of the rounds after the first')
    .option('--concurrency <n>', 'most tries in flight in this process')
    .option('--per-origin-concurrency <n>', 'most tries in flight per receiving origin')
    .option('--shutdown-grace-ms <ms>', 'how long tries in flight may finish on stop')
    .option('--lease-ms <ms>', 'delivery lease; a crashed process’s tries resume after it')
    .option('--webhook-ca-file <file>', 'PEM file of extra CAs trusted for HTTPS webhook targets');
}

/** Reads flags and environment; prints every problem and returns null when invalid. */
export function configFrom(options: Record<string, unknown>, io: CliIo): ServerConfig | null {
  const flags: ConfigFlags = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'string') flags[key as keyof ConfigFlags] = value;
  }
  const result = loadServerConfig(flags, io.env);
  if (result.ok) return result.config;
  for (const error of result.errors) io.err(`switchboard: ${error}`);
  return null;
}

/** Prints why a start failed without a stack trace, and marks the process as failed. */
export function reportStartFailure(error: unknown, io: CliIo): void {
  io.err(`switchboard: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
