import type { Row } from '../output/output.js';
import type { CaptureEvent } from './capture-event.js';
import type { ForwardTry } from './forward-capture.js';

/**
 * One printed line per request, e.g. `← 200 POST /webhooks call.answered 7f3c… 12 ms`, and the
 * same facts as a JSON record. Injected faults follow the id, e.g. `[chaos: delay 120 ms]`.
 */
export function listenLine(
  capture: CaptureEvent,
  attempt: ForwardTry,
): { human: string; data: Row } {
  const { outcome } = attempt;
  const url = new URL(attempt.url);
  const status = outcome.kind === 'response' ? String(outcome.status) : 'ERR';
  const parts = ['←', status, capture.method, `${url.pathname}${url.search}`];
  parts.push(capture.event_type ?? '-', `${capture.id.slice(0, 4)}…`);
  if (outcome.kind === 'error') parts.push(`(${outcome.message})`);
  else if (attempt.chaos.length > 0) parts.push(`[chaos: ${attempt.chaos.join('; ')}]`);
  parts.push(`${outcome.latencyMs} ms`);
  return {
    human: parts.join(' '),
    data: {
      type: 'forward',
      capture_id: capture.id,
      sequence: capture.sequence,
      inbox_id: capture.inbox_id,
      event_type: capture.event_type,
      method: capture.method,
      url: attempt.url,
      status: outcome.kind === 'response' ? outcome.status : null,
      error: outcome.kind === 'error' ? outcome.message : null,
      latency_ms: outcome.latencyMs,
      chaos: attempt.chaos,
    },
  };
}
