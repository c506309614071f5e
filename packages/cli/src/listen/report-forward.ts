import type { SwitchboardClient } from '../client/switchboard-client.js';
import type { ForwardTry } from './forward-capture.js';

/** Records one try on the capture; only the last try of a capture is `final`. */
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
          final,
        }
      : { url: attempt.url, error: outcome.message, latency_ms: outcome.latencyMs, final };
  await client.post(
    `/switchboard/captures/${encodeURIComponent(captureId)}/forward_attempts`,
    body,
  );
}
