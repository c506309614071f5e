import type {
  DeliveryAttemptView as AttemptView,
  WebhookDeliveryView as DeliveryView,
} from '@switchboard/core/contract';

/** Headers curl sets itself, or that would be wrong for a hand-made request. */
const SKIPPED = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

/**
 * A curl command that repeats `attempt` of `delivery`. The body is rebuilt from the stored
 * envelope (the API does not return sent bodies); the recorded signature headers are kept, so a
 * receiver with a timestamp tolerance will refuse it once that window has passed.
 */
export function curlCommand(delivery: DeliveryView, attempt: AttemptView, number: number): string {
  const request = attempt.http.request;
  const lines = [`curl -X POST ${quote(request.url)}`];
  for (const [name, value] of request.headers) {
    if (!SKIPPED.has(name.toLowerCase())) lines.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  lines.push(`--data-raw ${quote(JSON.stringify(requestBody(delivery, attempt, number)))}`);
  return lines.join(' \\\n  ');
}

/** The envelope as the engine sends it: `data` plus `meta` for this try. */
export function requestBody(delivery: DeliveryView, attempt: AttemptView, number: number): unknown {
  return {
    data: delivery.webhook,
    meta: { attempt: number, delivered_to: attempt.http.request.url },
  };
}

/** POSIX shell single quotes; an embedded quote closes, escapes and reopens. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
