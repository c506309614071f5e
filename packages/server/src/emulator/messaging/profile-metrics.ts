import { ownMember } from '../../own-member.js';
import type { JsonObject } from '../../storage/store.js';
import { stringField } from '../phone-numbers/json-fields.js';
import { statusOf } from './outbound-message.js';

/** The spec's `time_frame` values (default `24h`) and their length. */
export const TIME_FRAMES: Readonly<Record<string, number>> = {
  '1h': 3_600_000,
  '3h': 3 * 3_600_000,
  '24h': 24 * 3_600_000,
  '3d': 3 * 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
  '30d': 30 * 24 * 3_600_000,
};

const OUTBOUND_STATUSES = [
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'delivery_failed',
  'delivery_unconfirmed',
  'sending_failed',
  'cancelled',
] as const;

/**
 * `GET /v2/messaging_profiles/{id}/metrics`: the spec leaves `data` open, so the emulator
 * counts the profile's messages received in the time frame, by direction and status.
 */
export function profileMetrics(
  messages: readonly JsonObject[],
  profileId: string,
  timeFrame: string,
  now: number,
): JsonObject {
  const since = now - (ownMember(TIME_FRAMES, timeFrame) ?? 0);
  const mine = messages.filter(
    (message) =>
      message['messaging_profile_id'] === profileId &&
      Date.parse(stringField(message, 'received_at')) >= since,
  );
  const outbound = mine.filter((message) => message['direction'] === 'outbound');
  const byStatus = Object.fromEntries(
    OUTBOUND_STATUSES.map((status) => [
      status,
      outbound.filter((message) => statusOf(message) === status).length,
    ]),
  );
  return {
    record_type: 'messaging_profile_metrics',
    messaging_profile_id: profileId,
    time_frame: timeFrame,
    outbound: { total: outbound.length, ...byStatus },
    inbound: { total: mine.length - outbound.length },
  };
}
