import type { PhoneNumber } from './phone-number.js';

/** Resource kind of CSV downloads of the number inventory. */
export const CSV_DOWNLOAD_KIND = 'csv_download';

type Column = readonly [string, (number: PhoneNumber) => string];

const V1: readonly Column[] = [
  ['id', (n) => n.id],
  ['phone_number', (n) => n.phone_number],
  ['status', () => 'active'],
  ['connection_id', (n) => n.connection_id ?? ''],
  ['messaging_profile_id', (n) => n.messaging_profile_id ?? ''],
  ['customer_reference', (n) => n.customer_reference ?? ''],
  ['billing_group_id', (n) => n.billing_group_id ?? ''],
  ['tags', (n) => n.tags.join(';')],
  ['created_at', (n) => n.created_at],
];

// V2 adds the voice settings, as the portal's extended export does.
const V2: readonly Column[] = [
  ...V1,
  ['call_forwarding_enabled', (n) => String(n.voice.call_forwarding.call_forwarding_enabled)],
  ['forwards_to', (n) => n.voice.call_forwarding.forwards_to ?? ''],
  [
    'inbound_call_recording_enabled',
    (n) => String(n.voice.call_recording.inbound_call_recording_enabled),
  ],
  ['inbound_call_screening', (n) => n.voice.inbound_call_screening],
  ['usage_payment_method', (n) => n.voice.usage_payment_method],
];

/** The CSV (RFC 4180: CRLF lines, fields quoted when they need it) of the numbers. */
export function numbersCsv(numbers: readonly PhoneNumber[], format: 'V1' | 'V2'): string {
  const columns = format === 'V2' ? V2 : V1;
  const lines = [
    columns.map(([name]) => name),
    ...numbers.map((number) => columns.map(([, read]) => read(number))),
  ];
  return `${lines.map((fields) => fields.map(quoted).join(',')).join('\r\n')}\r\n`;
}

function quoted(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
