import { ownMember } from '../../support/own-member.js';
import type { Message } from './messaging-schemas.js';

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
  messages: readonly Message[],
  profileId: string,
  timeFrame: string,
  now: number,
) {
  const since = now - (ownMember(TIME_FRAMES, timeFrame) ?? 0);
  const mine = messages.filter(
    (message) =>
      message.messaging_profile_id === profileId && Date.parse(message.received_at) >= since,
  );
  const outbound = mine.filter((message) => message.direction === 'outbound');
  const byStatus = Object.fromEntries(
    OUTBOUND_STATUSES.map((status) => [
      status,
      outbound.filter((message) => message.to[0]?.status === status).length,
    ]),
  );
  return {
    record_type: 'messaging_profile_metrics' as const,
    messaging_profile_id: profileId,
    time_frame: timeFrame,
    outbound: { total: outbound.length, ...byStatus },
    inbound: { total: mine.length - outbound.length },
  };
}
