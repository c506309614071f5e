import {
  ApiKeyRefusedError,
  ApiResponseError,
  ServerUnreachableError,
} from '../client/client-errors.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { SseParser, type SseEvent } from './sse-parser.js';

/** Which captures a stream carries and from where. */
export interface StreamScope {
  readonly inbox: string | null;
  readonly events: readonly string[] | null;
  /** Null: start at the server's newest capture (first run). */
  readonly cursor: number | null;
}

/**
 * Opens `GET /switchboard/inboxes/stream` and yields its events until the server ends it or
 * `signal` aborts. The cursor goes in `Last-Event-ID`, as a reconnecting EventSource sends it.
 */
export async function* captureStream(
  client: SwitchboardClient,
  scope: StreamScope,
  signal: AbortSignal,
): AsyncGenerator<SseEvent> {
  const response = await open(client, scope, signal);
  const body = response.body;
  if (body === null) return;
  const parser = new SseParser();
  const decoder = new TextDecoder();
  // Node's fetch types its body's chunks loosely; they are bytes.
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    yield* parser.push(decoder.decode(chunk, { stream: true }));
  }
}

async function open(
  client: SwitchboardClient,
  scope: StreamScope,
  signal: AbortSignal,
): Promise<Response> {
  const key = await client.apiKey();
  const headers: Record<string, string> = {
    authorization: `Bearer ${key.key}`,
    accept: 'text/event-stream',
  };
  if (scope.cursor !== null) headers['last-event-id'] = String(scope.cursor);
  let response: Response;
  try {
    response = await fetch(streamUrl(client.server, scope), { headers, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ServerUnreachableError(client.server);
  }
  if (response.ok) return response;
  if (response.status === 401 || response.status === 403) throw new ApiKeyRefusedError(key.source);
  throw new ApiResponseError(
    response.status,
    await errorItems(response),
    'GET /switchboard/inboxes/stream',
  );
}

function streamUrl(server: string, scope: StreamScope): string {
  const params = new URLSearchParams();
  if (scope.inbox !== null) params.set('inbox', scope.inbox);
  if (scope.events !== null) params.set('events', scope.events.join(','));
  const query = params.toString();
  return `${server}/switchboard/inboxes/stream${query === '' ? '' : `?${query}`}`;
}

async function errorItems(response: Response): Promise<{ detail?: string }[]> {
  try {
    const parsed = (await response.json()) as { errors?: { detail?: string }[] };
    return Array.isArray(parsed.errors) ? parsed.errors : [];
  } catch {
    return [];
  }
}
