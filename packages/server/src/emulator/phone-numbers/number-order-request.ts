import type { Issue } from '../../http/validation/issues.js';
import type { Store } from '../../storage/store.js';
import type { NumberOrderRequest, RequirementAnswer } from './number-order.js';
import type { CreateNumberOrder, UpdateNumberOrder } from './number-order-schemas.js';
import { checkConnection, checkProfileRef, idOf, referenceIssues } from './phone-number-changes.js';
import { listNumbers } from './phone-number-store.js';
import { duplicateIssue, refuseIssues, requiredIssue } from './rule-issues.js';

/**
 * The rules of a declared `POST /v2/number_orders` body: no number twice and none the account
 * already has; a `connection_id` / `messaging_profile_id` must exist. Throws the 422 of every
 * rule broken.
 */
export async function checkNumberOrder(
  store: Store,
  accountId: string,
  body: CreateNumberOrder,
): Promise<NumberOrderRequest> {
  if (body.phone_numbers.length === 0) {
    const detail = "The 'phone_numbers' parameter is required: a list of { phone_number }.";
    refuseIssues([requiredIssue('/phone_numbers', detail)]);
  }
  const owned = new Set((await listNumbers(store, accountId)).map((n) => n.phone_number));
  const connection = await checkConnection(store, accountId, body.connection_id ?? null);
  const profile = await checkProfileRef(store, accountId, body.messaging_profile_id ?? null);
  refuseIssues([...duplicates(body, owned), ...referenceIssues([connection, profile])]);
  const text = (value: string | null | undefined) =>
    typeof value === 'string' && value !== '' ? value : null;
  return {
    phoneNumbers: body.phone_numbers.map((entry) => ({
      phoneNumber: entry.phone_number,
      bundleId: entry.bundle_id ?? null,
    })),
    connectionId: idOf(connection),
    messagingProfileId: idOf(profile),
    billingGroupId: text(body.billing_group_id),
    customerReference: text(body.customer_reference),
  };
}

function duplicates(body: CreateNumberOrder, owned: ReadonlySet<string>): Issue[] {
  const seen = new Set<string>();
  return body.phone_numbers.flatMap(({ phone_number: number }, i) => {
    const twice = seen.has(number);
    seen.add(number);
    if (!owned.has(number) && !twice) return [];
    const why = owned.has(number) ? 'is already on this account' : 'is in the order twice';
    return [duplicateIssue(`/phone_numbers/${i}/phone_number`, `The number ${number} ${why}.`)];
  });
}

/** The change of a declared `PATCH /v2/number_orders/{id}` body. */
export function orderUpdate(body: UpdateNumberOrder): {
  customerReference?: string;
  requirements: RequirementAnswer[];
} {
  const requirements = (body.regulatory_requirements ?? []).map((item) => ({
    requirementId: item.requirement_id,
    fieldValue: item.field_value,
  }));
  return body.customer_reference === undefined
    ? { requirements }
    : { customerReference: body.customer_reference, requirements };
}
