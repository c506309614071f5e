import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../client/cli-error.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import { sendRawRequest, type RawOutcome } from '../client/send-raw-request.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { createOutput, formatOf } from '../output/output.js';
import { replaySource, type ReplaySource } from '../replay/replay-source.js';
import { connectedCommand } from './connected-command.js';
import { runAction } from './run-action.js';

interface ReplayOptions extends ConnectionOptions {
  readonly to?: string;
  readonly mode: 'exact' | 'resign';
  readonly format?: string;
}

const SIGNATURE_HEADERS = new Set(['telnyx-timestamp', 'telnyx-signature-ed25519']);

/**
 * `switchboard replay <id>`: re-sends a delivery's last request or a capture. `exact` keeps the
 * original bytes and signature (a receiver sees what a stale timestamp does); `resign` keeps
 * the bytes and signs them afresh with the account's key.
 */
export function replayCommand(io: CliIo): Command {
  return connectedCommand(
    'replay',
    'send a delivery or a capture again, as it was or freshly signed',
  )
    .argument('<id>', 'a webhook delivery id or an inbox capture id')
    .option('--to <url>', 'send here instead of the original URL (required for captures)')
    .addOption(
      new Option('--mode <mode>', 'exact or resign').choices(['exact', 'resign']).default('exact'),
    )
    .action((id: string, options: ReplayOptions) => runAction(io, () => replay(id, options, io)));
}

async function replay(id: string, options: ReplayOptions, io: CliIo): Promise<void> {
  const client = clientFrom(options, io);
  const source = await replaySource(client, id);
  const url = options.to ?? source.url;
  if (url === null) throw new UsageError('a capture has no destination of its own: pass --to URL');
  const headers = options.mode === 'resign' ? await resigned(client, source) : source.headers;
  const outcome = await sendRawRequest({ method: source.method, url, headers, body: source.body });
  report(outcome, { url, method: source.method, mode: options.mode, id }, io, options);
  if (outcome.kind === 'error' || outcome.status >= 300) process.exitCode = 1;
}

async function resigned(
  client: SwitchboardClient,
  source: ReplaySource,
): Promise<[string, string][]> {
  const signed = await client.call('sign', {
    body: { body_base64: (source.body ?? Buffer.alloc(0)).toString('base64') },
  });
  const kept = source.headers.filter(([name]) => !SIGNATURE_HEADERS.has(name.toLowerCase()));
  return [...kept, ...Object.entries(signed.data.headers)];
}

interface Sent {
  readonly id: string;
  readonly url: string;
  readonly method: string;
  readonly mode: string;
}

function report(outcome: RawOutcome, sent: Sent, io: CliIo, options: ReplayOptions): void {
  const output = createOutput(io, formatOf(options));
  if (outcome.kind === 'error') {
    output.item(`✗ ${sent.method} ${sent.url} ${outcome.message} (${sent.mode})`, {
      ...sent,
      status: null,
      error: outcome.message,
      latency_ms: outcome.latencyMs,
    });
    return;
  }
  output.item(
    `← ${outcome.status} ${sent.method} ${sent.url} ${outcome.latencyMs} ms (${sent.mode})`,
    {
      ...sent,
      status: outcome.status,
      latency_ms: outcome.latencyMs,
      response_body: outcome.body.slice(0, 10_240),
    },
  );
}
