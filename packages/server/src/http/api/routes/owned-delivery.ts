import { NotFoundError } from '../../../support/errors/api-error.js';
import type { Delivery } from '../../../storage/store.js';
import type { RouteContext } from './route-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message of every delivery route's 404. */
export const DELIVERY_NOT_FOUND = 'WebhookDelivery not found.';

/**
 * The account's delivery `id`, or a 404. Malformed ids never reach the store: PostgreSQL would
 * reject them as a type error.
 */
export async function ownedDelivery(
  ctx: RouteContext,
  accountId: string,
  id: string,
): Promise<Delivery> {
  const delivery = UUID.test(id) ? await ctx.store.getDelivery(accountId, id) : null;
  if (delivery === null) throw new NotFoundError(DELIVERY_NOT_FOUND);
  return delivery;
}
