import { createPublicKey } from 'node:crypto';
import { failure, type Diagnosis } from './diagnosis.js';
import { SDK_ED25519_FIX } from './sdk-hmac-diagnosis.js';

const GET_KEY =
  "use the account's public key: `switchboard env` prints TELNYX_PUBLIC_KEY (Mission Control: Keys & Credentials > Public Key)";
const SPKI_PREFIX = '302a300506032b6570032100';

/** The raw 32 key bytes, or the diagnosis of what kind of wrong key this is. */
export function readPublicKey(text: string): Uint8Array | Diagnosis {
  const key = text.trim();
  if (key.startsWith('-----BEGIN')) return pemKey(key);
  if (key.startsWith('whsec_')) return hmacSecret();
  if (key.startsWith('whsk_')) return secretKey();
  if (/^[0-9a-f]{64}$/i.test(key)) return converted(Buffer.from(key, 'hex'), 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(key))
    return badKey('not_base64', 'The public key is not base64.');
  const bytes = Buffer.from(key, key.includes('-') || key.includes('_') ? 'base64url' : 'base64');
  if (bytes.length === 32) return bytes;
  if (bytes.length === 44 && bytes.subarray(0, 12).toString('hex') === SPKI_PREFIX) {
    return converted(bytes.subarray(12), 'DER (SubjectPublicKeyInfo)');
  }
  return badKey(
    'wrong_key_length',
    `The public key is ${bytes.length} bytes; an Ed25519 public key is 32 bytes.`,
  );
}

function pemKey(pem: string): Diagnosis {
  try {
    const jwk = createPublicKey(pem).export({ format: 'jwk' });
    if (jwk.crv === 'Ed25519' && typeof jwk.x === 'string') {
      return converted(Buffer.from(jwk.x, 'base64url'), 'PEM');
    }
  } catch {
    // Not a readable public key at all: reported below.
  }
  return badKey('wrong_key_format', 'The public key is PEM but not an Ed25519 public key.');
}

function converted(raw: Buffer, format: string): Diagnosis {
  return failure(
    'WH_BAD_KEY',
    'wrong_key_format',
    `The public key is ${format}; Telnyx keys are base64 of the raw 32 bytes.`,
    `pass --public-key ${raw.toString('base64')} (the same key as base64)`,
  );
}

/** A `whsec_` secret: what an SDK whose `unwrap` checks HMAC asks for. */
function hmacSecret(): Diagnosis {
  return failure(
    'WH_BAD_KEY',
    'hmac_secret_instead_of_public_key',
    "This is a Standard Webhooks HMAC secret (whsec_), not a Telnyx public key: Telnyx signs with Ed25519, which only the account's public key can check.",
    `${GET_KEY}; if an SDK asked you for this secret, its unwrap checks HMAC: ${SDK_ED25519_FIX}`,
  );
}

function secretKey(): Diagnosis {
  return failure(
    'WH_BAD_KEY',
    'secret_instead_of_public_key',
    'This is a signing secret, not a Telnyx public key; Telnyx verification needs no secret.',
    GET_KEY,
  );
}

function badKey(cause: string, detail: string): Diagnosis {
  return failure('WH_BAD_KEY', cause, detail, GET_KEY);
}
