import { ErrorEnvelope, SimulateInboundMessage } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { One } from '../phone-numbers/page-query.js';
import { groupMessages, sendGroupMms } from './group-mms.js';
import { getMessage } from './message-store.js';
import {
  decodeMessage,
  Message,
  MessageParams,
  SEND_BODIES,
  SendGroupMms,
  type SendRoute,
} from './messaging-schemas.js';
import type { LifecycleContext } from './outbound-lifecycle.js';
import { receiveMessage } from './receive-message.js';
import { cancelMessage } from './scheduled-message.js';
import { toSendRequest } from './send-message-request.js';
import { sendMessage } from './send-message.js';

const TAGS = ['messages'];

// Path under /v2/messages → the sender rules it applies.
const SEND_ROUTES: readonly (readonly [string, SendRoute, string])[] = [
  ['/v2/messages', 'messages', 'Send a message'],
  ['/v2/messages/long_code', 'long_code', 'Send a message using a long code'],
  ['/v2/messages/short_code', 'short_code', 'Send a message using a short code'],
  ['/v2/messages/number_pool', 'number_pool', 'Send a message using the number pool'],
  [
    '/v2/messages/alphanumeric_sender_id',
    'alphanumeric_sender_id',
    'Send a message using an alphanumeric sender ID',
  ],
  ['/v2/messages/schedule', 'schedule', 'Schedule a message'],
];

/** The send routes, group MMS, message lookup and cancel, and the inbound simulator. */
export function registerMessageRoutes(app: FastifyInstance, ctx: LifecycleContext): void {
  const { deps } = ctx;
  const api = typed(app);
  for (const [path, route, summary] of SEND_ROUTES) {
    api.post(
      path,
      {
        schema: {
          summary,
          tags: TAGS,
          body: SEND_BODIES[route],
          response: { 200: One(Message), '4xx': ErrorEnvelope },
        },
      },
      async (request) => {
        const accountId = deps.accountId(request);
        const send = toSendRequest(request.body, route);
        return { data: decodeMessage(await sendMessage(ctx, accountId, send)) };
      },
    );
  }
  api.post(
    '/v2/messages/group_mms',
    {
      schema: {
        summary: 'Send a group MMS message',
        tags: TAGS,
        body: SendGroupMms,
        response: { 200: One(Message), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const sent = await sendGroupMms(ctx, deps.accountId(request), request.body);
      return { data: decodeMessage(sent) };
    },
  );
  api.get(
    '/v2/messages/group/:id',
    {
      schema: {
        summary: 'Retrieve group MMS messages',
        tags: TAGS,
        params: MessageParams,
        response: { 200: Type.Object({ data: Type.Array(Message) }), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const id = pathParam(request, 'id');
      const messages = await groupMessages(ctx, deps.accountId(request), id);
      if (messages === null) throw new NotFoundError(`Group message ${id} not found.`);
      return { data: messages.map(decodeMessage) };
    },
  );
  api.get(
    '/v2/messages/:id',
    {
      schema: {
        summary: 'Retrieve a message',
        tags: TAGS,
        params: MessageParams,
        response: { 200: One(Message), '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: decodeMessage(
        await loadMessage(deps, deps.accountId(request), pathParam(request, 'id')),
      ),
    }),
  );
  // The spec's reply is the cancelled message itself, not wrapped in `data`.
  api.delete(
    '/v2/messages/:id',
    {
      schema: {
        summary: 'Cancel a scheduled message',
        tags: TAGS,
        params: MessageParams,
        response: { 200: Message, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const message = await loadMessage(deps, accountId, pathParam(request, 'id'));
      return decodeMessage(await cancelMessage(ctx, message, accountId));
    },
  );
  api.post(
    '/switchboard/simulate/messages',
    {
      schema: {
        summary: 'Simulate an inbound message to a number of the account',
        tags: ['simulation'],
        body: SimulateInboundMessage,
        response: { 200: One(Message), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const received = await receiveMessage(ctx, ctx.deps.accountId(request), request.body);
      return { data: decodeMessage(received) };
    },
  );
}

async function loadMessage(deps: EmulatorDeps, accountId: string, id: string) {
  const message = await getMessage(deps.store, accountId, id);
  if (message === null) throw new NotFoundError(`Message ${id} not found.`);
  return message;
}
