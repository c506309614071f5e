import { request, type Dispatcher } from 'undici';

/** Largest playback file fetched; a longer body is refused rather than buffered. */
export const MAX_AUDIO_FILE_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * Fetches playback files (`audio_url`) through `dispatcher`, the server's outbound client, so
 * the egress guard and extra CAs that govern webhooks govern audio too.
 */
export function audioFetcher(dispatcher: Dispatcher): (url: string) => Promise<Uint8Array> {
  return async (url) => {
    const response = await request(url, {
      dispatcher,
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (response.statusCode < 200 || response.statusCode > 299) {
      await response.body.dump();
      throw new Error(`audio_url answered ${response.statusCode}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_AUDIO_FILE_BYTES) {
        response.body.destroy();
        throw new Error('audio_url file is over 20 MB');
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  };
}
