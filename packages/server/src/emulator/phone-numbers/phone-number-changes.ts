import type { Store } from '../../storage/store.js';
import type { Issue } from '../../http/validation/issues.js';
import { getProfile } from '../messaging/messaging-profile.js';
import { applicationExists } from './linked-resources.js';
import type { PhoneNumber } from './phone-number.js';
import type { UpdateNumberMessaging, UpdatePhoneNumber } from './phone-number-schemas.js';
import { noSuchAssociationIssue, refuseIssues } from './rule-issues.js';

type Changes = Partial<{ -readonly [K in keyof PhoneNumber]: PhoneNumber[K] }>;

/** A checked reference: the id (null clears it), or the issue of one that does not exist. */
export type Reference = { readonly id: string | null } | { readonly issue: Issue };

/** Checks a reference: `""`/null clear it, anything else must name an existing resource. */
export async function checkReference(
  id: string | null,
  exists: (id: string) => Promise<boolean>,
  pointer: string,
): Promise<Reference> {
  if (id === null || id === '') return { id: null };
  if (await exists(id)) return { id };
  const detail = `The resource ${id} given as ${pointer.slice(1)} does not exist.`;
  return { issue: noSuchAssociationIssue(pointer, detail) };
}

/** `connection_id` checked against the account's call control and TeXML applications. */
export function checkConnection(store: Store, accountId: string, id: string | null) {
  return checkReference(id, (app) => applicationExists(store, accountId, app), '/connection_id');
}

/** `messaging_profile_id` checked against the account's messaging profiles. */
export function checkProfileRef(store: Store, accountId: string, id: string | null) {
  const exists = async (profile: string) => (await getProfile(store, accountId, profile)) !== null;
  return checkReference(id, exists, '/messaging_profile_id');
}

/** The issues of checked references that name nothing. */
export function referenceIssues(references: readonly Reference[]): Issue[] {
  return references.flatMap((ref) => ('issue' in ref ? [ref.issue] : []));
}

/** The id of a checked reference (null when cleared or refused). */
export function idOf(reference: Reference): string | null {
  return 'id' in reference ? reference.id : null;
}

/** The changes of `PATCH /v2/phone_numbers/{id}` (`UpdatePhoneNumberRequest`). */
export async function numberChanges(
  store: Store,
  accountId: string,
  body: UpdatePhoneNumber,
): Promise<Changes> {
  const { connection_id, ...rest } = body;
  const changes: Changes = { ...rest };
  if (connection_id !== undefined) {
    const reference = await checkConnection(store, accountId, connection_id);
    refuseIssues(referenceIssues([reference]));
    changes.connection_id = idOf(reference);
  }
  return changes;
}

/** The changes of `PATCH /v2/phone_numbers/{id}/messaging`; null keeps the current profile. */
export async function messagingChanges(
  store: Store,
  accountId: string,
  body: UpdateNumberMessaging,
): Promise<Changes> {
  const changes: Changes = {};
  if (body.tags !== undefined) changes.tags = body.tags;
  if (typeof body.messaging_product === 'string')
    changes.messaging_product = body.messaging_product;
  const profileId = body.messaging_profile_id;
  if (profileId !== undefined && profileId !== null) {
    const reference = await checkProfileRef(store, accountId, profileId);
    refuseIssues(referenceIssues([reference]));
    changes.messaging_profile_id = idOf(reference);
  }
  return changes;
}
