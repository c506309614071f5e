import type { IncomingMessage } from 'node:http';

/** The raw body, `too_large` past the limit, or `unreadable` when the client went away. */
export type NodeBody = Uint8Array | 'too_large' | 'unreadable';

/** Reads a node:http request body as bytes, stopping early once it exceeds `limit`. */
export async function readNodeBody(req: IncomingMessage, limit: number): Promise<NodeBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) return 'too_large';
      chunks.push(chunk);
    }
  } catch {
    return 'unreadable';
  }
  return Buffer.concat(chunks);
}
