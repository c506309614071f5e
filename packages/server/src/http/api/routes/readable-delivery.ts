import { BadRequestError } from '../../../support/errors/api-error.js';
import type { Delivery } from '../../../storage/store.js';

/**
 * The delivery, when its stored webhook can be read whole; else a 422 that says why. Routes that
 * rebuild or resend a delivery's request call it: what an unreadable row still shows is not
 * what was sent.
 */
export function readableDelivery(delivery: Delivery): Delivery {
  if (delivery.unreadable === undefined) return delivery;
  throw new BadRequestError(
    `This delivery's stored row cannot be read (${delivery.unreadable}), so its request cannot be rebuilt.`,
    422,
  );
}
