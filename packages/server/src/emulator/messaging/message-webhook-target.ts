import type { ProfileRouting } from './messaging-profile.js';

/** Where a message's webhooks go: a primary URL and an optional failover. */
export interface WebhookTarget {
  readonly url: string;
  readonly failoverUrl: string | null;
}

/** A message's own webhook settings. */
export interface MessageWebhooks {
  readonly webhookUrl: string | null;
  readonly webhookFailoverUrl: string | null;
  readonly useProfileWebhooks: boolean;
}

/**
 * Telnyx tries the message's own URLs first, then the profile's (facts §6.1). A delivery has
 * one primary and one failover, so the first two distinct URLs of that order are used. No URL
 * anywhere means no webhook, as on Telnyx.
 */
export function messageWebhookTarget(
  message: MessageWebhooks,
  profile: ProfileRouting,
): WebhookTarget | null {
  const own = [message.webhookUrl, message.webhookFailoverUrl];
  const fromProfile = message.useProfileWebhooks
    ? [profile.webhookUrl, profile.webhookFailoverUrl]
    : [];
  const urls = [...new Set([...own, ...fromProfile].filter((url) => url !== null))];
  const [url, failoverUrl] = urls;
  return url === undefined ? null : { url, failoverUrl: failoverUrl ?? null };
}
