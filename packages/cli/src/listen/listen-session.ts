import { setTimeout as sleep } from 'node:timers/promises';
import { ApiKeyRefusedError } from '../client/client-errors.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import type { Output } from '../output/output.js';
import { parseCaptureEvent } from './capture-event.js';
import { captureStream } from './capture-stream-client.js';
import type { CursorFile } from './cursor-file.js';
import { forwardCapture, type ForwardSettings } from './forward-capture.js';
import { ForwardPipeline, type Numbered } from './forward-pipeline.js';
import { copyPlans, describeChaos, type ListenChaos } from './listen-chaos.js';
import { listenLine } from './listen-line.js';
import { reconnectDelay } from './reconnect-delay.js';
import { reportForward } from './report-forward.js';
import { seededRandom } from '@switchboard/core';
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
  /** Faults to inject while forwarding (`--duplicate`, `--reorder`…); null: none. */
  readonly chaos: ListenChaos | null;
  /** For reconnect jitter; default `Math.random`. */
  readonly random?: () => number;
}

/** Captures a reorder window holds at most, and how long it waits for more. */
const REORDER_WINDOW = 5;
const REORDER_IDLE_MS = 1_000;

/**
 * Streams captures and forwards them one at a time, in sequence order (chaos may duplicate,
 * delay, shuffle or overlap them). The cursor passes a capture only after it, and every capture
 * before it, was forwarded and reported, so a listener killed at any point resumes at the first
 * capture it had not finished: nothing is missed, at worst a few are sent twice.
 * A lost stream is reopened with backoff; a first connection that fails, or a refused key,
 * ends the run with the client's one-line error.
 */
export async function runListenSession(session: ListenSession): Promise<void> {
  // Mutated by the ready callback, so kept in an object that narrowing does not freeze.
  const state = { connected: false, failures: 0, ordinal: 0 };
  const nextOrdinal = (): number => state.ordinal++;
  while (!stopped(session.signal)) {
    try {
      await streamOnce(session, nextOrdinal, () => {
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

async function streamOnce(
  session: ListenSession,
  nextOrdinal: () => number,
  onReady: () => void,
): Promise<void> {
  const scope = { inbox: session.inbox, events: session.events, cursor: session.cursor.load() };
  const pipeline = new ForwardPipeline(pipelineSettings(session, nextOrdinal));
  try {
    for await (const event of captureStream(session.client, scope, session.signal)) {
      if (event.event === 'ready') {
        onReady();
        ready(session, event, scope.cursor);
      } else if (event.event === 'capture') {
        await pipeline.push(parseCaptureEvent(event.data));
      }
    }
  } finally {
    // A lost stream first finishes what it took, so the reconnect starts after it.
    if (stopped(session.signal)) pipeline.abandon();
    else await pipeline.drain();
  }
}

/** Concurrency 1 and no window, unless chaos asks for more. */
function pipelineSettings(session: ListenSession, nextOrdinal: () => number) {
  const { chaos } = session;
  return {
    concurrency: chaos?.profile.concurrency ?? 1,
    reorder:
      chaos?.profile.reorder === true
        ? {
            size: REORDER_WINDOW,
            idleMs: REORDER_IDLE_MS,
            random: (window: number) => seededRandom(chaos.seed, 'reorder', window),
          }
        : null,
    nextOrdinal,
    forward: (item: Numbered, notes: readonly string[]) => forwardNumbered(session, item, notes),
    advance: (cursor: number) => {
      session.cursor.save(cursor);
    },
    signal: session.signal,
  };
}

function ready(session: ListenSession, event: SseEvent, saved: number | null): void {
  const { cursor } = JSON.parse(event.data) as { cursor: number };
  if (saved === null) session.cursor.save(cursor);
  const scope = session.inbox === null ? 'all inboxes' : `inbox ${session.inbox}`;
  const { chaos } = session;
  session.output.item(
    `Ready: forwarding captures of ${scope} to ${session.forward.forwardTo} (cursor ${cursor})` +
      (chaos === null ? '' : `; chaos: ${describeChaos(chaos)}`),
    {
      type: 'ready',
      cursor,
      inbox_id: session.inbox,
      forward_to: session.forward.forwardTo,
      chaos: chaos === null ? null : { ...chaos.profile, seed: chaos.seed },
    },
  );
}

/** Forwards each copy of a capture, printing and reporting every try; the very last is final. */
async function forwardNumbered(
  session: ListenSession,
  { capture, ordinal }: Numbered,
  notes: readonly string[],
): Promise<void> {
  const plans = copyPlans(session.chaos, ordinal, notes);
  for (const [copy, plan] of plans.entries()) {
    const tries = await forwardCapture(capture, session.forward, session.client, plan);
    for (const [index, attempt] of tries.entries()) {
      const line = listenLine(capture, attempt);
      session.output.item(line.human, line.data);
      const final = copy === plans.length - 1 && index === tries.length - 1;
      await reportForward(session.client, capture.id, attempt, final);
    }
  }
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
