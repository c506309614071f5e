import { verifySignature, type HeaderSource } from '@switchboard/core';
import type { TexmlParams } from './texml-params.js';

export interface TexmlRequestInput {
  readonly method: string;
  /** The request URL (absolute, or path and query) as received. */
  readonly url: string;
  readonly headers: HeaderSource;
  /** The raw form body of a POST; ignored for GET. */
  readonly body?: string | Uint8Array;
}

export interface VerifyTexmlOptions {
  /** Base64 of the raw Ed25519 public key (Mission Control, or Switchboard's startup output). */
  readonly publicKey: string | readonly string[];
  /** Allowed clock difference, in seconds. Default 300. */
  readonly toleranceSeconds?: number;
  readonly now?: Date | number;
}

/**
 * Verifies a request Telnyx made to a TeXML app and returns its parameters. The signature
 * covers `timestamp|body` for a POST (the form as sent) and `timestamp|query` for a GET (the
 * query string as sent, without `?`). Throws `WebhookVerificationError` on any fault.
 */
export async function verifyTexmlRequest(
  request: TexmlRequestInput,
  options: VerifyTexmlOptions,
): Promise<TexmlParams> {
  const signed = signedText(request);
  await verifySignature({
    body: signed,
    headers: request.headers,
    publicKey: options.publicKey,
    ...(options.toleranceSeconds === undefined
      ? {}
      : { toleranceSeconds: options.toleranceSeconds }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return Object.fromEntries(new URLSearchParams(signed)) as unknown as TexmlParams;
}

function signedText(request: TexmlRequestInput): string {
  if (request.method.toUpperCase() === 'GET') {
    const index = request.url.indexOf('?');
    return index === -1 ? '' : request.url.slice(index + 1);
  }
  const body = request.body ?? '';
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}
