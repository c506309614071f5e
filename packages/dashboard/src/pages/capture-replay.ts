import type { CaptureView } from '@switchboard/core/contract';

/** Headers the browser sets itself or refuses to send. */
const SKIPPED = new Set([
  'host',
  'content-length',
  'connection',
  'accept-encoding',
  'user-agent',
  'cookie',
  'origin',
  'referer',
]);

/**
 * Sends a capture into its inbox again, same origin, with its recorded headers and bytes: the
 * inbox records it as a new capture and a running `switchboard listen` forwards it again.
 */
export async function replayCapture(capture: CaptureView): Promise<string> {
  const headers = new Headers();
  for (const [name, value] of capture.headers) {
    if (!SKIPPED.has(name.toLowerCase())) headers.append(name, value);
  }
  const { method } = capture;
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') init.body = decodeBase64(capture.body_base64);
  const query = capture.query === '' ? '' : `?${capture.query}`;
  try {
    const response = await fetch(`${capture.path}${query}`, init);
    return `Replayed: the inbox answered ${response.status}.`;
  } catch (error) {
    return `Replay failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
