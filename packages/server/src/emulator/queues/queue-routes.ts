import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { pageMeta, slicePage } from '../../http/page-query.js';
import { pageOf } from '../../http/page-query.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import {
  CREATED_MAX_SIZE,
  CreateQueue,
  QueueCallListResponse,
  QueueCallParams,
  QueueCallResponse,
  QueueListQuery,
  QueueListResponse,
  QueueParams,
  QueueResponse,
  UpdateQueue,
  UpdateQueueCall,
} from './queue-contract.js';
import type { QueueEngine } from './queue-engine.js';
import type { QueueRecord } from './queue-record.js';
import { queueCallView, queueView } from './queue-views.js';

const tags = ['queues'];
const NoContent = Type.Unsafe<undefined>({ description: 'No content' });

/** `/v2/queues*`: the 9 routes of the spec. */
export function registerQueueRoutes(
  scope: FastifyInstance,
  queues: QueueEngine,
  deps: EmulatorDeps,
): void {
  const app = typed(scope);
  const view = (accountId: string, queue: QueueRecord) =>
    queueView(queue, queues.waiting(accountId, queue.name).length);
  app.get(
    '/v2/queues',
    {
      schema: {
        summary: 'List queues',
        tags,
        querystring: QueueListQuery,
        response: { 200: QueueListResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const page = pageOf(request.query);
      const all = await queues.list(accountId);
      return {
        data: slicePage(all, page).map((queue) => view(accountId, queue)),
        meta: pageMeta(page, all.length),
      };
    },
  );
  app.post(
    '/v2/queues',
    {
      schema: {
        summary: 'Create a queue',
        tags,
        body: CreateQueue,
        response: { 200: QueueResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const { queue_name: name, max_size: maxSize = CREATED_MAX_SIZE } = request.body;
      return { data: view(accountId, await queues.create(accountId, name, maxSize)) };
    },
  );
  app.get(
    '/v2/queues/:name',
    {
      schema: {
        summary: 'Retrieve a queue',
        tags,
        params: QueueParams,
        response: { 200: QueueResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      return { data: view(accountId, await queues.get(accountId, request.params.name)) };
    },
  );
  app.post(
    '/v2/queues/:name',
    {
      schema: {
        summary: 'Update a queue',
        tags,
        params: QueueParams,
        body: UpdateQueue,
        response: { 200: QueueResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const queue = await queues.update(accountId, request.params.name, request.body.max_size);
      return { data: view(accountId, queue) };
    },
  );
  app.delete(
    '/v2/queues/:name',
    {
      schema: {
        summary: 'Delete an empty queue',
        tags,
        params: QueueParams,
        response: { 204: NoContent, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      await queues.remove(deps.accountId(request), request.params.name);
      return reply.code(204).send();
    },
  );
  registerQueueCallRoutes(scope, queues, deps);
}

function registerQueueCallRoutes(
  scope: FastifyInstance,
  queues: QueueEngine,
  deps: EmulatorDeps,
): void {
  const app = typed(scope);
  app.get(
    '/v2/queues/:name/calls',
    {
      schema: {
        summary: 'List the calls waiting in a queue',
        tags,
        params: QueueParams,
        querystring: QueueListQuery,
        response: { 200: QueueCallListResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const queue = await queues.get(accountId, request.params.name);
      const page = pageOf(request.query);
      const line = queues.waiting(accountId, queue.name);
      const now = deps.now();
      const data = [
        ...slicePage(
          line.map((call, index) => queueCallView(queue, call, index + 1, now)),
          page,
        ),
      ];
      return { data, meta: pageMeta(page, line.length) };
    },
  );
  app.get(
    '/v2/queues/:name/calls/:callId',
    {
      schema: {
        summary: 'Retrieve a waiting call',
        tags,
        params: QueueCallParams,
        response: { 200: QueueCallResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const { name, callId } = request.params;
      const { queue, call, position } = await queues.waitingCall(
        deps.accountId(request),
        name,
        callId,
      );
      return { data: queueCallView(queue, call, position, deps.now()) };
    },
  );
  app.delete(
    '/v2/queues/:name/calls/:callId',
    {
      schema: {
        summary: 'Remove a call from a queue',
        tags,
        params: QueueCallParams,
        response: { 204: NoContent, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      await queues.removeCall(deps.accountId(request), request.params.name, request.params.callId);
      return reply.code(204).send();
    },
  );
  app.patch(
    '/v2/queues/:name/calls/:callId',
    {
      schema: {
        summary: 'Update a waiting call',
        tags,
        params: QueueCallParams,
        body: UpdateQueueCall,
        response: { 204: NoContent, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const { name, callId } = request.params;
      const keep = request.body.keep_after_hangup ?? false;
      await queues.updateCall(deps.accountId(request), name, callId, keep);
      return reply.code(204).send();
    },
  );
}
