import { decoderOf, StoredInbox, type InboxView } from '@switchboard/core/contract';
import type { Resource } from '../storage/store.js';

/** The resource kind under which inboxes are stored. */
export const INBOX_KIND = 'inbox';

/** How an inbox answers the sender. */
export type RespondMode = 'immediate' | 'relay';

/** An inbox as the routes use it, read from its resource. */
export interface Inbox {
  readonly id: string;
  readonly accountId: string;
  readonly name: string | null;
  readonly token: string;
  readonly telnyxPublicKey: string | null;
  readonly respond: RespondMode;
  readonly relayTimeoutSecs: number;
  /** Requests per minute before 429; null means no limit (the default). */
  readonly rateLimitPerMinute: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

const decodeInbox = decoderOf('inbox', StoredInbox);

/** Reads the resource's data, which the inbox routes wrote after validation. */
export function toInbox(resource: Resource): Inbox {
  const data = decodeInbox(resource.data);
  return {
    id: resource.id,
    accountId: resource.accountId,
    name: data.name,
    token: data.token,
    telnyxPublicKey: data.telnyx_public_key,
    respond: data.respond,
    relayTimeoutSecs: data.relay_timeout_secs,
    rateLimitPerMinute: data.rate_limit_per_minute,
    createdAt: resource.createdAt,
    updatedAt: resource.updatedAt,
  };
}

/** The capture URL of an inbox on a server reachable at `baseUrl`. */
export function inboxUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/switchboard/inbox/${token}`;
}

/** The inbox as the API shows it. */
export function inboxView(inbox: Inbox, baseUrl: string): InboxView {
  return {
    record_type: 'inbox',
    id: inbox.id,
    name: inbox.name,
    token: inbox.token,
    url: inboxUrl(baseUrl, inbox.token),
    telnyx_public_key: inbox.telnyxPublicKey,
    respond: inbox.respond,
    relay_timeout_secs: inbox.relayTimeoutSecs,
    rate_limit_per_minute: inbox.rateLimitPerMinute,
    created_at: new Date(inbox.createdAt).toISOString(),
    updated_at: new Date(inbox.updatedAt).toISOString(),
  };
}
