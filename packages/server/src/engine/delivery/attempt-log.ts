import type { Logger } from 'pino';
import type { AttemptRecord, Delivery } from '../../storage/store.js';

/**
 * One log line per recorded try. The delivery, event and account ids link it to the API
 * request that published the event and to `GET /v2/webhook_deliveries/{id}`. Headers and
 * bodies are never logged: they carry signatures and customer data.
 */
export function attemptLogger(
  logger: Logger,
): (attempt: AttemptRecord, delivery: Delivery) => void {
  return (attempt, delivery) => {
    const line = {
      deliveryId: delivery.id,
      eventId: delivery.eventId,
      accountId: delivery.accountId,
      eventType: delivery.eventType,
      attempt: attempt.attempt,
      url: attempt.url,
      outcome: attempt.status,
      status: attempt.response?.status ?? null,
      latencyMs: attempt.latencyMs,
      errors: attempt.errors,
      ...(attempt.error === null ? {} : { error: attempt.error }),
    };
    if (attempt.status === 'delivered') logger.info(line, 'webhook attempt');
    else logger.warn(line, 'webhook attempt');
  };
}
