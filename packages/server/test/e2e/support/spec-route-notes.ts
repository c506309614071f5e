/**
 * Notes shown in docs/emulator.md's coverage table, keyed by `METHOD /v2/path` as in the spec.
 * Every route the emulator leaves out on purpose has its reason here.
 */
const NO_EMERGENCY =
  'not emulated: emergency (E911) addresses and provisioning have no emulator counterpart; numbers always read emergency `disabled`';

export const SPEC_ROUTE_NOTES: Readonly<Record<string, string>> = {
  'POST /v2/phone_numbers/jobs/update_emergency_settings': NO_EMERGENCY,
  'POST /v2/phone_numbers/{id}/actions/enable_emergency': NO_EMERGENCY,
  'PATCH /v2/phone_numbers/{id}/actions/bundle_status_change':
    'not emulated: regulatory bundles are not modelled; number orders meet every requirement at once',
  'GET /v2/messaging_profiles/{id}/metrics':
    "counts of the profile's stored messages (the spec leaves `data` open)",
  'GET /v2/balance': 'fixed balance, nothing is billed',
  'POST /v2/number_orders':
    "fills at once; `number_order.complete` to the order's application or profile",
  'POST /v2/messages/schedule': 'pending sends are in memory: a restart forgets them',
  'GET /v2/available_phone_numbers': 'a fixed inventory outside the test numbers',
  'POST /v2/media': 'files up to 5 MiB, kept in the store',
};
