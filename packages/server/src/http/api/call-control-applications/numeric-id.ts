import { randomBytes } from 'node:crypto';

const LOW = 10n ** 18n;
const SPAN = 9n * 10n ** 18n;

/** A 19-digit decimal id, the shape of Telnyx connection and application ids. */
export function numericId(): string {
  return String(LOW + (randomBytes(8).readBigUInt64BE() % SPAN));
}

/** True when `id` could be a numeric id; anything else cannot name a resource. */
export function isNumericId(id: string): boolean {
  return /^\d{1,20}$/.test(id);
}
