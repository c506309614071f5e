import { decoderOf, E164, Int, LENIENT, Nullable, OneOf } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { PageQuery } from './page-query.js';

/** Telnyx's per-order limit would be larger; the emulator keeps orders small. */
export const MAX_ORDER_NUMBERS = 100;

const Reference = (description: string) => Type.Optional(Nullable(Type.String({ description })));

/** `POST /v2/number_orders` (`CreateNumberOrderRequest`). */
export const CreateNumberOrder = Type.Object(
  {
    phone_numbers: Type.Array(
      Type.Object({
        phone_number: E164(),
        bundle_id: Type.Optional(Nullable(Type.String())),
      }),
      {
        // An empty list is "required" (10004), a rule in the route, not a count (10033).
        maxItems: MAX_ORDER_NUMBERS,
        'x-expected': 'a list of { phone_number }',
        'x-count-detail': 'An order takes 1 to {max} numbers; this one has {count}.',
      },
    ),
    connection_id: Reference('A call control or TeXML application of the account'),
    messaging_profile_id: Reference('A messaging profile of the account'),
    billing_group_id: Type.Optional(Nullable(Type.String())),
    customer_reference: Type.Optional(Nullable(Type.String())),
  },
  { [LENIENT]: true },
);

/** `PATCH /v2/number_orders/{number_order_id}`. */
export const UpdateNumberOrder = Type.Object(
  {
    customer_reference: Type.Optional(Type.String()),
    regulatory_requirements: Type.Optional(
      Type.Array(Type.Object({ requirement_id: Type.String(), field_value: Type.String() })),
    ),
  },
  { [LENIENT]: true },
);

const RequirementAnswer = Type.Object({
  record_type: Type.Literal('phone_number_regulatory_requirement'),
  requirement_id: Type.String(),
  field_value: Type.String(),
  field_type: Type.String(),
});

/** The spec's `NumberOrder`, as stored and answered. */
export const NumberOrder = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('number_order'),
  phone_numbers: Type.Array(
    Type.Object({
      id: Type.String(),
      record_type: Type.Literal('number_order_phone_number'),
      phone_number: Type.String(),
      phone_number_type: Type.String(),
      country_code: Type.String(),
      bundle_id: Type.Optional(Type.String()),
      regulatory_requirements: Type.Array(RequirementAnswer),
      requirements_met: Type.Boolean(),
      requirements_status: Type.String(),
      status: Type.String(),
    }),
  ),
  phone_numbers_count: Type.Integer(),
  connection_id: Type.Optional(Type.String()),
  messaging_profile_id: Type.Optional(Type.String()),
  billing_group_id: Type.Optional(Type.String()),
  customer_reference: Type.Optional(Type.String()),
  status: Type.String(),
  requirements_met: Type.Boolean(),
  sub_number_orders_ids: Type.Array(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const decodeNumberOrder = decoderOf('number_order', NumberOrder);

export const NumberOrderParams = Type.Object({ number_order_id: Type.String() });

/** The spec's list filters of number orders. */
export const NumberOrderListQuery = Type.Object({
  ...PageQuery,
  'filter[status]': Type.Optional(Type.String()),
  'filter[customer_reference]': Type.Optional(Type.String()),
  'filter[requirements_met]': Type.Optional(Type.String()),
  'filter[phone_numbers_count]': Type.Optional(Type.String()),
  'filter[created_at][gt]': Type.Optional(Type.String()),
  'filter[created_at][lt]': Type.Optional(Type.String()),
});

const FEATURES = [
  'sms',
  'mms',
  'voice',
  'fax',
  'emergency',
  'hd_voice',
  'international_sms',
  'local_calling',
] as const;

/** The features a search may ask for. */
export const NUMBER_FEATURES: readonly string[] = FEATURES;

const Digits = Type.Optional(Type.String({ pattern: '^\\+?\\d*$', 'x-expected': 'digits' }));

/** `GET /v2/available_phone_numbers`: `features` comma-separated (as the SDKs send it) or repeated. */
export const AvailableNumbersQuery = Type.Object({
  'filter[country_code]': Type.Optional(Type.String()),
  'filter[phone_number_type]': Type.Optional(
    OneOf(['local', 'toll_free', 'mobile', 'national', 'shared_cost'], { default: 'local' }),
  ),
  'filter[national_destination_code]': Type.Optional(Type.String()),
  'filter[phone_number][starts_with]': Digits,
  'filter[phone_number][ends_with]': Digits,
  'filter[phone_number][contains]': Digits,
  'filter[locality]': Type.Optional(Type.String()),
  'filter[administrative_area]': Type.Optional(Type.String()),
  'filter[rate_center]': Type.Optional(Type.String()),
  'filter[features]': Type.Optional(Type.String()),
  'filter[features][]': Type.Optional(Type.Array(OneOf([...FEATURES]))),
  'filter[limit]': Type.Optional(Int(1, 250, { default: 50 })),
});

/** The spec's `AvailablePhoneNumber`. */
export const AvailablePhoneNumber = Type.Object({
  record_type: Type.Literal('available_phone_number'),
  phone_number: Type.String(),
  vanity_format: Type.String(),
  best_effort: Type.Boolean(),
  quickship: Type.Boolean(),
  reservable: Type.Boolean(),
  region_information: Type.Array(
    Type.Object({ region_type: Type.String(), region_name: Type.String() }),
  ),
  cost_information: Type.Object({
    currency: Type.String(),
    monthly_cost: Type.String(),
    upfront_cost: Type.String(),
  }),
  features: Type.Array(Type.Object({ name: Type.String() })),
});

const SearchMeta = Type.Object({
  total_results: Type.Integer(),
  best_effort_results: Type.Integer(),
});

export const AvailableNumbersResponse = Type.Object({
  data: Type.Array(AvailablePhoneNumber),
  meta: SearchMeta,
  metadata: SearchMeta,
});

export type CreateNumberOrder = Static<typeof CreateNumberOrder>;
export type UpdateNumberOrder = Static<typeof UpdateNumberOrder>;
export type NumberOrder = Static<typeof NumberOrder>;
export type AvailableNumbersQuery = Static<typeof AvailableNumbersQuery>;
export type AvailablePhoneNumber = Static<typeof AvailablePhoneNumber>;
