// Runtime-neutral byte helpers: Buffer when present (fast path on Node), Web APIs otherwise, so the
// verification path also runs on edge runtimes.
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const encoder = new TextEncoder();

/** Decodes standard, padded base64; returns null for anything else (Buffer.from is too lenient). */
export function decodeBase64(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (!STRICT_BASE64.test(trimmed)) return null;
  if (NodeBuffer) return NodeBuffer.from(trimmed, 'base64');
  return Uint8Array.from(atob(trimmed), (c) => c.charCodeAt(0));
}

export function encodeBase64(bytes: Uint8Array): string {
  if (NodeBuffer)
    return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function utf8(text: string): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(text, 'utf8') : encoder.encode(text);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  if (NodeBuffer) return NodeBuffer.concat(parts);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
