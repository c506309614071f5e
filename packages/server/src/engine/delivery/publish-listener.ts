import type { Logger } from 'pino';
import type { DeliveryQueue } from '../../storage/delivery-queue.js';

/**
 * Wakes the worker on other processes' publishes where the store can tell (PostgreSQL
 * LISTEN/NOTIFY). Resolves with the function that stops listening, or null when the store
 * cannot notify or listening failed: the worker then relies on its poll interval alone.
 */
export async function listenForPublishes(
  store: Pick<DeliveryQueue, 'listenForDue'>,
  logger: Logger,
  onPublish: () => void,
): Promise<(() => Promise<void>) | null> {
  if (store.listenForDue === undefined) return null;
  const lost = (error: Error): void => {
    logger.warn({ err: error }, 'publish notifications lost; polling only');
  };
  try {
    return await store.listenForDue(onPublish, lost);
  } catch (error) {
    lost(error instanceof Error ? error : new Error(String(error)));
    return null;
  }
}
