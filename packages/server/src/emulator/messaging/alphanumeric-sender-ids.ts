import { createHash } from 'node:crypto';
import type { Static } from 'typebox';
import type { MessagingProfile } from './messaging-profile.js';
import type { AlphanumericSenderId } from './messaging-schemas.js';

/**
 * A profile's alphanumeric sender IDs: its `alpha_sender`, when set, is the one the emulator
 * knows. The id is derived from profile and sender, so it is stable across reads.
 */
export function alphanumericSenderIds(
  profile: MessagingProfile,
  organizationId: string,
): Static<typeof AlphanumericSenderId>[] {
  const sender = profile.alpha_sender;
  if (typeof sender !== 'string' || sender === '') return [];
  const profileId = profile.id;
  return [
    {
      id: stableUuid(`${profileId}:${sender}`),
      record_type: 'alphanumeric_sender_id' as const,
      alphanumeric_sender_id: sender,
      messaging_profile_id: profileId,
      organization_id: organizationId,
      us_long_code_fallback: '',
    },
  ];
}

function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
