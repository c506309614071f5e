import type { FastifyInstance } from 'fastify';
import type { EmulatorDeps } from '../emulator-deps.js';
import { registerMessageRoutes } from './message-routes.js';
import { registerMessagingProfileRoutes } from './messaging-profile-routes.js';
import { DEFAULT_MESSAGE_TIMING, type MessageTiming } from './outbound-lifecycle.js';
import { TimerQueue } from './timer-queue.js';

export interface MessagingOptions {
  /** Step timing of outbound messages; defaults to {@link DEFAULT_MESSAGE_TIMING}. */
  readonly timing?: Partial<MessageTiming>;
  /** The timer queue to run steps on; by default one is made and closed with the app. */
  readonly queue?: TimerQueue;
}

/**
 * The messaging emulator: messaging profiles, `POST /v2/messages` with its webhooks, message
 * lookup and `POST /switchboard/simulate/messages`.
 */
export function registerMessagingRoutes(
  app: FastifyInstance,
  deps: EmulatorDeps,
  options: MessagingOptions = {},
): void {
  const queue = options.queue ?? ownQueue(app, deps);
  const timing = { ...DEFAULT_MESSAGE_TIMING, ...options.timing };
  registerMessagingProfileRoutes(app, deps);
  registerMessageRoutes(app, { deps, queue, timing });
}

function ownQueue(app: FastifyInstance, deps: EmulatorDeps): TimerQueue {
  const queue = new TimerQueue({
    now: () => deps.now(),
    onError: (error) => {
      app.log.error({ err: error }, 'messaging emulator step failed');
    },
  });
  app.addHook('onClose', (_instance, done) => {
    queue.close();
    done();
  });
  return queue;
}
