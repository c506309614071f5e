/** `+` then 2–15 digits, the first not zero (ITU-T E.164). */
const E164 = /^\+[1-9]\d{1,14}$/;

/** True when `value` is a phone number in +E.164 form. */
export function isE164(value: unknown): value is string {
  return typeof value === 'string' && E164.test(value);
}

// A few common calling codes; longest prefix first so +44 is not read as +4.
const COUNTRIES: readonly (readonly [string, string])[] = [
  ['+44', 'GB'],
  ['+49', 'DE'],
  ['+33', 'FR'],
  ['+34', 'ES'],
  ['+39', 'IT'],
  ['+31', 'NL'],
  ['+61', 'AU'],
  ['+55', 'BR'],
  ['+52', 'MX'],
  ['+81', 'JP'],
  ['+91', 'IN'],
  ['+1', 'US'],
];

/**
 * ISO 3166-1 alpha-2 country of a number, from its calling code. `+1` is read as US (the
 * emulator does not split NANP countries); unknown codes give `XX`, the ISO user-assigned code.
 */
export function countryOf(e164: string): string {
  return COUNTRIES.find(([prefix]) => e164.startsWith(prefix))?.[1] ?? 'XX';
}

const TOLL_FREE_NPA = new Set(['800', '833', '844', '855', '866', '877', '888']);

/** True for a NANP toll-free number (+1 8XX). */
export function isTollFree(e164: string): boolean {
  return e164.startsWith('+1') && TOLL_FREE_NPA.has(e164.slice(2, 5));
}
