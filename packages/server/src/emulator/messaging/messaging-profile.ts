import { MESSAGING_PROFILE_KIND } from '../../storage/resource-kinds.js';
import type { Resource, Store } from '../../storage/store.js';
import {
  decodeProfile,
  type CreateMessagingProfile,
  type MessagingProfile,
  type UpdateMessagingProfile,
} from './messaging-schemas.js';

export { MESSAGING_PROFILE_KIND };
export type { MessagingProfile } from './messaging-schemas.js';

/** The fields of a profile that routing needs. */
export interface ProfileRouting {
  readonly id: string;
  readonly name: string;
  readonly webhookUrl: string | null;
  readonly webhookFailoverUrl: string | null;
}

/** Telnyx's defaults for a new `MessagingProfile` (spec `CreateMessagingProfileRequest`). */
function defaults() {
  return {
    enabled: true,
    webhook_url: '',
    webhook_failover_url: '',
    webhook_api_version: '2' as const,
    // The spec requires this on create; the emulator allows everywhere when it is left out.
    whitelisted_destinations: ['*'],
    alpha_sender: null,
    daily_spend_limit: '0.00',
    daily_spend_limit_enabled: false,
    mms_fall_back_to_sms: false,
    mms_transcoding: false,
    mobile_only: false,
    smart_encoding: false,
    redaction_enabled: false,
    redaction_level: 2,
    health_webhook_url: null,
    number_pool_settings: null,
    url_shortener_settings: null,
    ai_assistant_id: null,
    resource_group_id: null,
  };
}

export interface NewProfile {
  readonly id: string;
  readonly organizationId: string;
  readonly v1Secret: string;
  readonly fields: CreateMessagingProfile;
  readonly now: number;
}

/** The stored document of a new profile: defaults, then the accepted request fields. */
export function newProfile(input: NewProfile): MessagingProfile {
  const at = new Date(input.now).toISOString();
  return {
    ...defaults(),
    v1_secret: input.v1Secret,
    ...input.fields,
    id: input.id,
    record_type: 'messaging_profile',
    organization_id: input.organizationId,
    created_at: at,
    updated_at: at,
  };
}

/** A profile with the accepted fields of an update applied. */
export function updateProfile(
  profile: MessagingProfile,
  fields: UpdateMessagingProfile,
  now: number,
): MessagingProfile {
  return { ...profile, ...fields, updated_at: new Date(now).toISOString() };
}

/** Reads what routing needs; `""` URLs (Telnyx's "none") become null. */
export function profileRouting(profile: MessagingProfile): ProfileRouting {
  return {
    id: profile.id,
    name: profile.name,
    webhookUrl: profile.webhook_url || null,
    webhookFailoverUrl: profile.webhook_failover_url || null,
  };
}

/** A profile of the account, or null. */
export async function getProfile(
  store: Store,
  accountId: string,
  id: string,
): Promise<MessagingProfile | null> {
  const row = await store.getResource(accountId, MESSAGING_PROFILE_KIND, id);
  return row === null ? null : decodeProfile(row.data);
}

/** Every profile of the account, oldest first. */
export async function listProfiles(store: Store, accountId: string): Promise<MessagingProfile[]> {
  const rows = await store.listResources(accountId, MESSAGING_PROFILE_KIND);
  return rows.map((row) => decodeProfile(row.data));
}

/** Writes a profile document, keeping the row's times in step with it. */
export function profileResource(accountId: string, profile: MessagingProfile): Resource {
  return {
    accountId,
    kind: MESSAGING_PROFILE_KIND,
    id: profile.id,
    data: profile,
    createdAt: Date.parse(profile.created_at),
    updatedAt: Date.parse(profile.updated_at),
  };
}
