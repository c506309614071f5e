import Format from 'typebox/format';
import { BASE64, HTTP_URL, HTTP_URL_OR_EMPTY, ISO_DATE_OR_TIME, ISO_DATE_TIME } from './fields.js';

/** True for absolute `http:` and `https:` URLs with a host. */
export function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const parsed = new URL(text);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}

/** True for standard Base-64 text (padding included). */
export function isBase64(text: string): boolean {
  return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text);
}

/** True for an ISO 8601 date-time that `Date.parse` reads. */
export function isIsoDateTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text));
}

/**
 * Registers the declarations' own formats with TypeBox. Idempotent; every validator of
 * declarations (the server's compiler, the stored-document decoders) calls it first.
 */
export function registerFormats(): void {
  if (Format.Has(HTTP_URL)) return;
  Format.Set(HTTP_URL, isHttpUrl);
  Format.Set(BASE64, isBase64);
  Format.Set(HTTP_URL_OR_EMPTY, (text) => text === '' || isHttpUrl(text));
  Format.Set(ISO_DATE_TIME, isIsoDateTime);
  Format.Set(
    ISO_DATE_OR_TIME,
    (text) => /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text)),
  );
}
