import { request, type Dispatcher } from 'undici';
import { invalidIssue, type Issue } from '../../http/validation/issues.js';
import { MAX_MEDIA_BYTES } from './stored-media.js';

/** Bytes fetched from a `media_url`, with the type the server named. */
export interface FetchedMedia {
  readonly kind: 'fetched';
  readonly bytes: Buffer;
  readonly contentType: string | null;
}

/** Why a `media_url` gave nothing to keep: an issue at `/media_url`. */
export interface RefusedMedia {
  readonly kind: 'refused';
  readonly issue: Issue;
}

const TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

/**
 * Fetches a `media_url` through `dispatcher`, the engine's outbound client, so `--egress
 * public-only` and the webhook CA file apply to it as to webhooks. Stops reading past
 * {@link MAX_MEDIA_BYTES}. Any failure is a 422 at `/media_url` saying why.
 */
export async function fetchMedia(
  url: string,
  dispatcher: Dispatcher | undefined,
): Promise<FetchedMedia | RefusedMedia> {
  try {
    return await fetchWithin(url, dispatcher, MAX_REDIRECTS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unusable(`The media could not be fetched from ${url}: ${reason}`);
  }
}

async function fetchWithin(
  url: string,
  dispatcher: Dispatcher | undefined,
  redirectsLeft: number,
): Promise<FetchedMedia | RefusedMedia> {
  const response = await request(url, {
    method: 'GET',
    ...(dispatcher === undefined ? {} : { dispatcher }),
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  });
  const location = response.headers['location'];
  if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
    await response.body.dump();
    if (redirectsLeft === 0) return unusable(`Too many redirects fetching ${url}.`);
    return fetchWithin(new URL(location, url).toString(), dispatcher, redirectsLeft - 1);
  }
  if (response.statusCode !== 200) {
    await response.body.dump();
    return unusable(`Fetching ${url} answered HTTP ${response.statusCode}.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_MEDIA_BYTES) {
      response.body.destroy();
      return tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  const type = response.headers['content-type'];
  return {
    kind: 'fetched',
    bytes: Buffer.concat(chunks),
    contentType: typeof type === 'string' ? (type.split(';')[0]?.trim() ?? null) : null,
  };
}

/** The issue of a file over the limit. */
export function tooLargeIssue(pointer = '/media_url'): Issue {
  return {
    ...invalidIssue({ pointer }, 'at most the limit'),
    detail: `The media is larger than the emulator's limit of ${MAX_MEDIA_BYTES} bytes.`,
  };
}

function tooLarge(): RefusedMedia {
  return { kind: 'refused', issue: tooLargeIssue() };
}

function unusable(detail: string): RefusedMedia {
  return {
    kind: 'refused',
    issue: { ...invalidIssue({ pointer: '/media_url' }, 'usable'), detail },
  };
}
