import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathParam } from '../../api/path-param.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { asBody } from '../phone-numbers/body-checks.js';
import { valueOrThrow } from '../phone-numbers/to-api-error.js';
import { getMessage } from './message-store.js';
import type { LifecycleContext } from './outbound-lifecycle.js';
import { receiveMessage } from './receive-message.js';
import { checkSendMessage } from './send-message-request.js';
import { sendMessage } from './send-message.js';

/** `POST /v2/messages`, `GET /v2/messages/{id}` and the inbound simulator. */
export function registerMessageRoutes(app: FastifyInstance, ctx: LifecycleContext): void {
  const { deps } = ctx;
  app.post('/v2/messages', async (request) => {
    const accountId = deps.accountId(request);
    const send = valueOrThrow(checkSendMessage(valueOrThrow(asBody(request.body))));
    return { data: valueOrThrow(await sendMessage(ctx, accountId, send)) };
  });
  app.get('/v2/messages/:id', async (request) => {
    const id = pathParam(request, 'id');
    const message = await getMessage(deps.store, deps.accountId(request), id);
    if (message === null) throw new NotFoundError(`Message ${id} not found.`);
    return { data: message };
  });
  app.post('/switchboard/simulate/messages', (request) => simulateInbound(deps, request));
}

async function simulateInbound(deps: EmulatorDeps, request: FastifyRequest) {
  const body = valueOrThrow(asBody(request.body));
  return { data: valueOrThrow(await receiveMessage(deps, deps.accountId(request), body)) };
}
