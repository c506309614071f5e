import type { KeyObject } from 'node:crypto';
import { failure, type Diagnosis } from './diagnosis.js';
import { ed25519Matches } from './ed25519-raw.js';

/** What a signature is checked against when finding out what the sender actually signed. */
export interface SignedParts {
  readonly key: KeyObject;
  readonly signature: Uint8Array;
  readonly timestamp: string;
  readonly body: Buffer;
}

const RAW_BODY_FIX =
  'verify the raw request bytes before any JSON parsing (express.raw({ type: "application/json" }), Fastify/Hono: read the body as text), never JSON.stringify(req.body)';

/** True when the signature covers `timestamp|body` exactly. */
export function signsExactly(parts: SignedParts): boolean {
  return ed25519Matches(
    parts.key,
    Buffer.concat([Buffer.from(`${parts.timestamp}|`), parts.body]),
    parts.signature,
  );
}

/**
 * Why a well-formed signature does not match: tries what senders and frameworks commonly do
 * wrong (`.` for `|`, re-serialised JSON, changed whitespace, no timestamp) and names the one
 * that makes it match; when none does, the key or the bytes are simply different.
 */
export function diagnoseMismatch(parts: SignedParts): Diagnosis {
  const { timestamp, body } = parts;
  if (matches(parts, Buffer.concat([Buffer.from(`${timestamp}.`), body]))) return dotSeparator();
  const reserialised = reserialisedForm(parts);
  if (reserialised !== null) return reserialised;
  if (matches(parts, body)) return noTimestamp();
  return unknownMismatch();
}

function matches(parts: SignedParts, content: Buffer): boolean {
  return ed25519Matches(parts.key, content, parts.signature);
}

function reserialisedForm(parts: SignedParts): Diagnosis | null {
  const text = parts.body.toString('utf8');
  for (const [form, candidate] of bodyForms(text)) {
    if (candidate === text) continue;
    const content = Buffer.from(`${parts.timestamp}|${candidate}`);
    if (matches(parts, content)) return reserialised(form);
  }
  return null;
}

function bodyForms(text: string): [string, string][] {
  const forms: [string, string][] = [
    ['without surrounding whitespace', text.trim()],
    ['with a trailing newline', `${text}\n`],
    ['with LF line ends', text.replace(/\r\n/g, '\n')],
  ];
  try {
    const parsed = JSON.parse(text) as unknown;
    forms.unshift(
      ['compact JSON', JSON.stringify(parsed)],
      ['JSON indented by 2', JSON.stringify(parsed, null, 2)],
      ['JSON indented by 4', JSON.stringify(parsed, null, 4)],
    );
  } catch {
    // Not JSON: only the whitespace forms apply.
  }
  return forms;
}

function reserialised(form: string): Diagnosis {
  return failure(
    'WH_BAD_SIGNATURE',
    'reserialised_body',
    `The body was re-serialised: the signature matches the same body as ${form}, not the bytes given.`,
    RAW_BODY_FIX,
  );
}

function dotSeparator(): Diagnosis {
  return failure(
    'WH_BAD_SIGNATURE',
    'dot_separator',
    'The signature covers `timestamp.body`; Telnyx signs `timestamp|body` (a pipe, not a dot).',
    'build the signed content as `${timestamp}|${rawBody}`, or use verifyWebhook from @switchboard/webhooks',
  );
}

function noTimestamp(): Diagnosis {
  return failure(
    'WH_BAD_SIGNATURE',
    'timestamp_not_signed',
    'The signature covers the body alone; Telnyx signs `timestamp|body`.',
    'sign and verify `${timestamp}|${rawBody}`',
  );
}

function unknownMismatch(): Diagnosis {
  return failure(
    'WH_BAD_SIGNATURE',
    'signature_mismatch',
    'The signature does not match this key and body in any known way.',
    'check the public key belongs to the account that sent it (`switchboard env`), and that the body bytes are exactly those received (no proxy re-encoding, charset change or decompression)',
  );
}
