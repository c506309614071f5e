import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CliError, UsageError } from '../client/cli-error.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { createOutput, formatOf } from '../output/output.js';
import { diagnoseWebhook } from '../verify/diagnose-webhook.js';
import type { Diagnosis } from '../verify/diagnosis.js';
import {
  webhookFromCapture,
  webhookFromDelivery,
  webhookFromFiles,
  type ReceivedWebhook,
} from '../verify/webhook-sources.js';
import { connectedCommand } from './connected-command.js';
import { runAction } from './run-action.js';

interface VerifyOptions extends ConnectionOptions {
  readonly publicKey?: string;
  readonly bodyFile?: string;
  readonly headersFile?: string;
  readonly capture?: string;
  readonly delivery?: string;
  readonly tolerance: string;
  readonly format?: string;
}

/** `switchboard verify`: checks a webhook's signature and names the exact failure and fix. */
export function verifyCommand(io: CliIo): Command {
  return connectedCommand('verify', 'check a webhook signature and explain any failure')
    .option(
      '--public-key <key>',
      "base64 Ed25519 public key (default: TELNYX_PUBLIC_KEY, else the server's)",
    )
    .option('--body-file <file>', 'the raw body as received')
    .option(
      '--headers-file <file>',
      'the headers: a JSON object, [name, value] pairs or `Name: value` lines',
    )
    .option('--capture <id>', 'an inbox capture')
    .option('--delivery <id>', "a webhook delivery's last try")
    .option('--tolerance <seconds>', 'allowed clock difference', '300')
    .action((options: VerifyOptions) => runAction(io, () => verify(options, io)));
}

async function verify(options: VerifyOptions, io: CliIo): Promise<void> {
  const client = clientFrom(options, io);
  const webhook = await received(options, client);
  const publicKey = await publicKeyFor(options, io, client);
  const diagnosis = await diagnoseWebhook({
    ...webhook,
    publicKey,
    nowMs: Date.now(),
    toleranceSeconds: tolerance(options.tolerance),
  });
  createOutput(io, formatOf(options)).record(lines(diagnosis), { ...diagnosis });
  if (!diagnosis.valid) process.exitCode = 1;
}

function lines(diagnosis: Diagnosis): string[] {
  if (diagnosis.valid) return ['✓ valid: the signature matches the body, timestamp and key'];
  return [
    `✗ ${diagnosis.code ?? 'invalid'} (${diagnosis.cause}): ${diagnosis.detail}`,
    `  fix: ${diagnosis.fix}`,
  ];
}

function received(options: VerifyOptions, client: SwitchboardClient): Promise<ReceivedWebhook> {
  const files = options.bodyFile !== undefined || options.headersFile !== undefined;
  const chosen = [files, options.capture !== undefined, options.delivery !== undefined].filter(
    Boolean,
  );
  if (chosen.length !== 1) {
    throw new UsageError('give --body-file with --headers-file, or --capture ID, or --delivery ID');
  }
  if (options.capture !== undefined) return webhookFromCapture(client, options.capture);
  if (options.delivery !== undefined) return webhookFromDelivery(client, options.delivery);
  if (options.bodyFile === undefined || options.headersFile === undefined) {
    throw new UsageError('--body-file and --headers-file go together');
  }
  return webhookFromFiles(options.bodyFile, options.headersFile);
}

async function publicKeyFor(
  options: VerifyOptions,
  io: CliIo,
  client: SwitchboardClient,
): Promise<string> {
  const key = options.publicKey ?? io.env['TELNYX_PUBLIC_KEY'];
  if (key !== undefined) return key;
  try {
    return (await client.call('getPublicKey', {})).data.public_key;
  } catch (error) {
    if (error instanceof CliError)
      throw new UsageError(
        `pass --public-key (or set TELNYX_PUBLIC_KEY); the server's key is not available: ${error.message}`,
      );
    throw error;
  }
}

function tolerance(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--tolerance takes whole seconds (got "${text}")`);
  return Number(text);
}
