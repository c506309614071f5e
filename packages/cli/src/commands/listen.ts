import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../client/cli-error.js';
import { clientFrom, serverUrl, type ConnectionOptions } from '../client/connection-options.js';
import { CursorFile, defaultCursorPath } from '../listen/cursor-file.js';
import { checkedUrl, collectHeader, eventList } from '../listen/listen-options.js';
import type { ListenChaos } from '../listen/listen-chaos.js';
import { runListenSession } from '../listen/listen-session.js';
import { createOutput, formatOf } from '../output/output.js';
import { addChaosOptions, chaosFrom, type ChaosFlags } from '../chaos/chaos-flags.js';
import { connectedCommand } from './connected-command.js';
import { runAction } from './run-action.js';

interface ListenOptions extends ConnectionOptions, ChaosFlags {
  readonly forwardTo: string;
  readonly failoverTo?: string;
  readonly inbox?: string;
  readonly events?: string;
  readonly header?: [string, string][];
  readonly resign?: boolean;
  readonly cursorFile?: string;
  readonly format?: string;
}

/**
 * `switchboard listen --forward-to URL`: forwards every capture of the account's inboxes (or
 * one) to a local app, resuming from a saved cursor, and reports each answer to the server.
 * The chaos flags inject faults on the way (see docs/chaos.md, "Listen").
 */
export function listenCommand(io: CliIo): Command {
  const command = connectedCommand('listen', 'forward inbox captures to a local URL')
    .requiredOption('--forward-to <url>', 'local URL, e.g. http://localhost:3000/webhooks')
    .option('--inbox <id>', 'only this inbox (default: every inbox of the account)')
    .option('--events <types>', 'only these event types, comma-separated')
    .option('--failover-to <url>', 'tried when the first URL fails (no answer or not 2xx)')
    .option('-H, --header <header>', "extra header 'name: value' (repeatable)", collectHeader)
    .option('--resign', 'sign afresh with the account key instead of the original signature')
    .option('--cursor-file <path>', 'where the cursor is kept (default under ~/.switchboard)');
  return addChaosOptions(command).action((options: ListenOptions) =>
    runAction(io, () => listen(options, io)),
  );
}

async function listen(options: ListenOptions, io: CliIo): Promise<void> {
  const forwardTo = checkedUrl('--forward-to', options.forwardTo);
  const failoverTo =
    options.failoverTo === undefined ? null : checkedUrl('--failover-to', options.failoverTo);
  const events = eventList(options.events);
  const chaos = listenChaos(options);
  const inbox = options.inbox ?? null;
  const client = clientFrom(options, io);
  const server = serverUrl(options, io);
  const key = await client.apiKey();
  const path = options.cursorFile ?? defaultCursorPath(io.env, server, key.key, inbox);
  const stop = new AbortController();
  const { signal } = stop;
  io.onStopSignal(() => {
    stop.abort();
  });
  await runListenSession({
    client,
    output: createOutput(io, formatOf(options)),
    cursor: new CursorFile(path, server, inbox),
    forward: {
      forwardTo,
      failoverTo,
      extraHeaders: options.header ?? [],
      resign: options.resign === true,
      pause: (ms) => sleep(ms, undefined, { signal }),
    },
    inbox,
    events,
    signal,
    chaos,
  });
}

/**
 * The trigger's chaos flags, applied here while forwarding. The signing faults need a signature
 * this CLI makes, so they are refused without `--resign`. With no `--seed`, one is drawn and
 * printed on the ready line, so a surprising run can be repeated.
 */
function listenChaos(options: ListenOptions): ListenChaos | null {
  const profile = chaosFrom(options);
  if (profile === undefined) return null;
  if (options.resign !== true) {
    const flag = profile.stale_timestamp === true ? '--stale-timestamp' : '--clock-skew';
    if (profile.stale_timestamp === true || profile.clock_skew_secs !== undefined) {
      throw new UsageError(
        `${flag} needs --resign: listen forwards the original signature unless it signs afresh`,
      );
    }
  }
  const { seed = randomInt(2 ** 32 - 1), ...rest } = profile;
  return { profile: rest, seed };
}
