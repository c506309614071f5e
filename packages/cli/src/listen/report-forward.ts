import type { SwitchboardClient } from '../client/switchboard-client.js';
import type { ForwardTry } from './forward-capture.js';

/**
 * Records one try on the capture; only the last try of a capture is `final`. Injected faults go
 * in `error` (`chaos: …`), the one free-text member of a forward attempt, beside the status of a
 * real answer, so the captures API shows what was done to each try.
 */
export async function reportForward(
  client: SwitchboardClient,
  captureId: string,
  attempt: ForwardTry,
  final: boolean,
): Promise<void> {
  const { outcome } = attempt;
  const body =
    outcome.kind === 'response'
      ? {
          url: attempt.url,
          status: outcome.status,
          headers: outcome.headers,
          body: outcome.body,
          latency_ms: outcome.latencyMs,
          error: attempt.chaos.length === 0 ? null : chaosText(attempt.chaos),
          final,
        }
      : { url: attempt.url, error: errorText(attempt), latency_ms: outcome.latencyMs, final };
  await client.call('reportForwardAttempt', { params: { id: captureId }, body });
}

function errorText(attempt: ForwardTry): string {
  const { outcome } = attempt;
  const message = outcome.kind === 'error' ? outcome.message : '';
  // An injected failure's message already is its chaos note.
  if (attempt.chaos.length === 0 || message.startsWith('chaos: ')) return message;
  return `${message} (${chaosText(attempt.chaos)})`;
}

function chaosText(notes: readonly string[]): string {
  return `chaos: ${notes.join('; ')}`;
}
