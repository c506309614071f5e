import { isUtf8 } from 'node:buffer';
import type { CaptureView, ForwardAttemptView } from '@switchboard/core/contract';
import type { Capture, ForwardAttempt } from '../storage/inbox-store.js';

/**
 * A capture as the API and the stream show it. The body is always given as base64, which is
 * exact for any bytes, and also as text when it is valid UTF-8.
 */
export function captureView(capture: Capture): CaptureView {
  const body = Buffer.from(capture.body);
  return {
    record_type: 'capture',
    id: capture.id,
    sequence: capture.sequence,
    inbox_id: capture.inboxId,
    method: capture.method,
    path: capture.path,
    query: capture.query,
    headers: capture.headers.map(([name, value]) => [name, value]),
    body_base64: body.toString('base64'),
    body_utf8: isUtf8(body) ? body.toString('utf8') : null,
    body_size: body.length,
    remote_address: capture.remoteAddress,
    received_at: new Date(capture.receivedAt).toISOString(),
    event_type: capture.eventType,
    verified: capture.verification === null ? null : capture.verification === 'verified',
    verification_error:
      capture.verification === null || capture.verification === 'verified'
        ? null
        : capture.verification,
    forward_attempts: capture.forwards.map(forwardAttemptView),
  };
}

export function forwardAttemptView(attempt: ForwardAttempt): ForwardAttemptView {
  return {
    id: attempt.id,
    url: attempt.url,
    status: attempt.status,
    headers: attempt.headers.map(([name, value]) => [name, value]),
    body: attempt.body,
    latency_ms: attempt.latencyMs,
    error: attempt.error,
    final: attempt.final,
    reported_at: new Date(attempt.reportedAt).toISOString(),
  };
}
