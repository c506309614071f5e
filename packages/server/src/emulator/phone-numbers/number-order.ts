import { countryOf, isTollFree } from './e164.js';
import type { NumberOrder } from './number-order-schemas.js';

/** Resource kind under which number orders are stored. */
export const NUMBER_ORDER_KIND = 'number_order';

/** A checked `POST /v2/number_orders` body. */
export interface NumberOrderRequest {
  readonly phoneNumbers: readonly {
    readonly phoneNumber: string;
    readonly bundleId: string | null;
  }[];
  readonly connectionId: string | null;
  readonly messagingProfileId: string | null;
  readonly billingGroupId: string | null;
  readonly customerReference: string | null;
}

export interface NewNumberOrder {
  readonly id: string;
  readonly numberIds: readonly string[];
  readonly subOrderId: string;
  readonly request: NumberOrderRequest;
  readonly now: number;
}

/**
 * The spec's `NumberOrder` of an order the emulator fills at once: `status: success`, every
 * requirement met. Optional ids are left out rather than null, as the spec types them string.
 */
export function newNumberOrder(input: NewNumberOrder): NumberOrder {
  const { request } = input;
  const at = new Date(input.now).toISOString();
  return {
    id: input.id,
    record_type: 'number_order' as const,
    phone_numbers: request.phoneNumbers.map((entry, i) => ({
      id: input.numberIds[i] ?? '',
      record_type: 'number_order_phone_number' as const,
      phone_number: entry.phoneNumber,
      phone_number_type: isTollFree(entry.phoneNumber) ? 'toll_free' : 'local',
      country_code: countryOf(entry.phoneNumber),
      ...(entry.bundleId === null ? {} : { bundle_id: entry.bundleId }),
      regulatory_requirements: [],
      requirements_met: true,
      requirements_status: 'approved',
      status: 'success',
    })),
    phone_numbers_count: request.phoneNumbers.length,
    ...(request.connectionId === null ? {} : { connection_id: request.connectionId }),
    ...(request.messagingProfileId === null
      ? {}
      : { messaging_profile_id: request.messagingProfileId }),
    ...(request.billingGroupId === null ? {} : { billing_group_id: request.billingGroupId }),
    ...(request.customerReference === null
      ? {}
      : { customer_reference: request.customerReference }),
    status: 'success',
    requirements_met: true,
    sub_number_orders_ids: [input.subOrderId],
    created_at: at,
    updated_at: at,
  };
}

/** A regulatory requirement answer of `PATCH /v2/number_orders/{id}`. */
export interface RequirementAnswer {
  readonly requirementId: string;
  readonly fieldValue: string;
}

/** The order after `PATCH`: a new customer reference and requirement answers on every number. */
export function updateNumberOrder(
  order: NumberOrder,
  change: {
    readonly customerReference?: string;
    readonly requirements: readonly RequirementAnswer[];
  },
  now: number,
): NumberOrder {
  const answers = change.requirements.map((answer) => ({
    record_type: 'phone_number_regulatory_requirement' as const,
    requirement_id: answer.requirementId,
    field_value: answer.fieldValue,
    field_type: 'textual',
  }));
  return {
    ...order,
    ...(change.customerReference === undefined
      ? {}
      : { customer_reference: change.customerReference }),
    phone_numbers:
      answers.length === 0
        ? order.phone_numbers
        : order.phone_numbers.map((entry) => ({ ...entry, regulatory_requirements: answers })),
    updated_at: new Date(now).toISOString(),
  };
}
