import { validatorFor } from '../calls/support/event-schemas.js';

/** Ajv errors of one delivered webhook body (as sent, `meta` included); empty when valid. */
export function bodyErrors(eventType: string, body: unknown): string[] {
  const validate = validatorFor(eventType);
  if (validate === undefined) return [`no schema for ${eventType}`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${eventType} ${e.instancePath} ${e.message ?? ''}`);
}
