import { setTimeout as sleep } from 'node:timers/promises';
import { ApiKeyRefusedError } from '../client/client-errors.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import type { Output } from '../output/output.js';
import { parseCaptureEvent, type CaptureEvent } from './capture-event.js';
import { captureStream } from './capture-stream-client.js';
import type { CursorFile } from './cursor-file.js';
import { forwardCapture, type ForwardSettings } from './forward-capture.js';
import { listenLine } from './listen-line.js';
import { reconnectDelay } from './reconnect-delay.js';
import { reportForward } from './report-forward.js';
import type { SseEvent } from './sse-parser.js';

/** Everything one `listen` run uses. */
export interface ListenSession {
  readonly client: SwitchboardClient;
  readonly output: Output;
  readonly cursor: CursorFile;
  readonly forward: ForwardSettings;
  readonly inbox: string | null;
  readonly events: readonly string[] | null;
  readonly signal: AbortSignal;
  /** For reconnect jitter; default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Streams captures and forwards them one at a time, in sequence order. The cursor is saved
 * only after a capture was forwarded and reported, so a listener killed at any point resumes
 * at the first capture it had not finished: nothing is missed, at worst one is sent twice.
 * A lost stream is reopened with backoff; a first connection that fails, or a refused key,
 * ends the run with the client's one-line error.
 */
export async function runListenSession(session: ListenSession): Promise<void> {
  // Mutated by the ready callback, so kept in an object that narrowing does not freeze.
  const state = { connected: false, failures: 0 };
  while (!stopped(session.signal)) {
    try {
      await streamOnce(session, () => {
        state.connected = true;
        state.failures = 0;
      });
    } catch (error) {
      if (stopped(session.signal)) return;
      if (!state.connected || error instanceof ApiKeyRefusedError) throw error;
      session.output.note(`switchboard: stream lost (${messageOf(error)}); reconnecting`);
    }
    if (stopped(session.signal)) return;
    await pause(reconnectDelay(state.failures++, session.random ?? Math.random), session.signal);
  }
}

async function streamOnce(session: ListenSession, onReady: () => void): Promise<void> {
  const scope = { inbox: session.inbox, events: session.events, cursor: session.cursor.load() };
  for await (const event of captureStream(session.client, scope, session.signal)) {
    if (event.event === 'ready') {
      onReady();
      ready(session, event, scope.cursor);
    } else if (event.event === 'capture') {
      await handle(session, parseCaptureEvent(event.data));
    }
  }
}

function ready(session: ListenSession, event: SseEvent, saved: number | null): void {
  const { cursor } = JSON.parse(event.data) as { cursor: number };
  if (saved === null) session.cursor.save(cursor);
  const scope = session.inbox === null ? 'all inboxes' : `inbox ${session.inbox}`;
  session.output.item(
    `Ready: forwarding captures of ${scope} to ${session.forward.forwardTo} (cursor ${cursor})`,
    { type: 'ready', cursor, inbox_id: session.inbox, forward_to: session.forward.forwardTo },
  );
}

async function handle(session: ListenSession, capture: CaptureEvent): Promise<void> {
  const tries = await forwardCapture(capture, session.forward, session.client);
  for (const [index, attempt] of tries.entries()) {
    const line = listenLine(capture, attempt);
    session.output.item(line.human, line.data);
    await reportForward(session.client, capture.id, attempt, index === tries.length - 1);
  }
  session.cursor.save(capture.sequence);
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    // Aborted: the loop sees the signal and stops.
  }
}

/** Read through a call: the signal flips between awaits, which narrowing cannot see. */
function stopped(signal: AbortSignal): boolean {
  return signal.aborted;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
