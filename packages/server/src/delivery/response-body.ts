import type { Readable } from 'node:stream';
import { RECORD_LIMIT_BYTES, decodeCapped } from './capped-text.js';

/**
 * Reading stops here: beyond it the socket is dropped rather than drained, so a receiver that
 * streams forever costs neither memory nor time. Below it the body is drained, which keeps the
 * keep-alive connection reusable.
 */
export const DRAIN_LIMIT_BYTES = 64 * 1024;

/** Reads at most the recorded prefix of a response body and settles the stream. */
export async function readCappedBody(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let seen = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (kept < RECORD_LIMIT_BYTES) {
      chunks.push(chunk);
      kept += chunk.length;
    }
    if (seen > DRAIN_LIMIT_BYTES) {
      body.destroy();
      break;
    }
  }
  return decodeCapped(Buffer.concat(chunks));
}
