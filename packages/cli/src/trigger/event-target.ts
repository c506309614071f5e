import { UsageError } from '../client/cli-error.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';

/** Where `trigger` sends: one of `--to`, `--connection-id`, `--inbox`. */
export interface TargetFlags {
  readonly to?: string;
  readonly connectionId?: string;
  readonly inbox?: string;
}

/** The target fields of `POST /switchboard/events`. */
export type EventTarget = { readonly webhook_url: string } | { readonly connection_id: string };

/**
 * The target fields for the flags. An inbox is resolved to its capture URL once, so every
 * event goes through the engine to it like any other URL.
 */
export async function resolveTarget(
  flags: TargetFlags,
  client: SwitchboardClient,
): Promise<EventTarget> {
  const given = [flags.to, flags.connectionId, flags.inbox].filter((flag) => flag !== undefined);
  if (given.length !== 1) {
    throw new UsageError('pick exactly one target: --to URL, --connection-id ID or --inbox ID');
  }
  if (flags.to !== undefined) return { webhook_url: checkedUrl(flags.to) };
  if (flags.connectionId !== undefined) return { connection_id: flags.connectionId };
  const inbox = await client.call('getInbox', { params: { id: flags.inbox ?? '' } });
  return { webhook_url: inbox.data.url };
}

function checkedUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // Reported below with the fix.
  }
  throw new UsageError(
    `--to takes an http(s) URL, e.g. http://localhost:3000/webhooks (got "${text}")`,
  );
}
