import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathParam } from '../../api/path-param.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { asBody } from '../phone-numbers/body-checks.js';
import { valueOrThrow } from '../phone-numbers/to-api-error.js';
import { groupMessages, sendGroupMms } from './group-mms.js';
import { getMessage } from './message-store.js';
import type { LifecycleContext } from './outbound-lifecycle.js';
import { receiveMessage } from './receive-message.js';
import { cancelMessage } from './scheduled-message.js';
import { checkSendMessage, type SendRoute } from './send-message-request.js';
import { sendMessage } from './send-message.js';

// Path under /v2/messages → the sender rules it applies.
const SEND_ROUTES: readonly (readonly [string, SendRoute])[] = [
  ['/v2/messages', 'messages'],
  ['/v2/messages/long_code', 'long_code'],
  ['/v2/messages/short_code', 'short_code'],
  ['/v2/messages/number_pool', 'number_pool'],
  ['/v2/messages/alphanumeric_sender_id', 'alphanumeric_sender_id'],
  ['/v2/messages/schedule', 'schedule'],
];

/** The send routes, group MMS, message lookup and cancel, and the inbound simulator. */
export function registerMessageRoutes(app: FastifyInstance, ctx: LifecycleContext): void {
  const { deps } = ctx;
  for (const [path, route] of SEND_ROUTES) {
    app.post(path, async (request) => {
      const accountId = deps.accountId(request);
      const send = valueOrThrow(checkSendMessage(valueOrThrow(asBody(request.body)), route));
      return { data: valueOrThrow(await sendMessage(ctx, accountId, send)) };
    });
  }
  app.post('/v2/messages/group_mms', async (request) => {
    const body = valueOrThrow(asBody(request.body));
    return { data: valueOrThrow(await sendGroupMms(ctx, deps.accountId(request), body)) };
  });
  app.get('/v2/messages/group/:id', async (request) => {
    const id = pathParam(request, 'id');
    const messages = await groupMessages(ctx, deps.accountId(request), id);
    if (messages === null) throw new NotFoundError(`Group message ${id} not found.`);
    return { data: messages };
  });
  app.get('/v2/messages/:id', async (request) => ({
    data: await loadMessage(deps, request),
  }));
  // The spec's reply is the cancelled message itself, not wrapped in `data`.
  app.delete('/v2/messages/:id', async (request) => {
    const message = await loadMessage(deps, request);
    return valueOrThrow(await cancelMessage(ctx, message, deps.accountId(request)));
  });
  app.post('/switchboard/simulate/messages', (request) => simulateInbound(ctx, request));
}

async function loadMessage(deps: EmulatorDeps, request: FastifyRequest) {
  const id = pathParam(request, 'id');
  const message = await getMessage(deps.store, deps.accountId(request), id);
  if (message === null) throw new NotFoundError(`Message ${id} not found.`);
  return message;
}

async function simulateInbound(ctx: LifecycleContext, request: FastifyRequest) {
  const body = valueOrThrow(asBody(request.body));
  return {
    data: valueOrThrow(await receiveMessage(ctx, ctx.deps.accountId(request), body)),
  };
}
