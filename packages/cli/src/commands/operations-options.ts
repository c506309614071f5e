import type { Command } from 'commander';
import { allSettingNames } from '@switchboard/server/config';

/** Flags for running in production, shared by `serve` and `worker`; see docs/operations.md. */
export function addOperationsOptions(command: Command): Command {
  return command
    .option('--config <file>', 'JSON file of settings (below flags and environment)')
    .option('--metrics-port <port>', 'also serve /metrics without auth on this port')
    .option('--retention <duration>', 'prune finished deliveries older than this, e.g. 7d')
    .option('--egress <mode>', 'all (default) or public-only: refuse private/loopback targets')
    .option('--rate-limit <rate>', 'API requests per account, e.g. 100/s (default off)')
    .option('--signing-key-overlap <duration>', 'how long a rotated-out key stays listed (24h)')
    .addHelpText('after', settingsHelp);
}

/** Commander names `--config` `config`; the server config calls it `configFile`. */
export function operationsFlags(options: Record<string, unknown>): Record<string, unknown> {
  return { ...options, configFile: options['config'] };
}

/** Every setting with its variable, so `--help` also shows those that have no flag here. */
function settingsHelp(): string {
  const rows = allSettingNames().map(({ flag, env }) => `  ${flag.padEnd(28)} ${env}`);
  const order = 'Precedence: flags > SWITCHBOARD_* environment > --config file > defaults.';
  return ['', 'Settings (flag, environment variable):', ...rows, '', order].join('\n');
}
