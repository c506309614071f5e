import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams } from '../../api/query-params.js';
import { valueOrThrow } from '../../api/validation/checked.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { QueueEngine } from './queue-engine.js';
import type { QueueRecord } from './queue-record.js';
import { queueCallView, queueView } from './queue-views.js';

type NameRequest = FastifyRequest<{ Params: { name: string } }>;
type CallRequest = FastifyRequest<{ Params: { name: string; callId: string } }>;

/** `/v2/queues*`: the 9 routes of the spec. */
export function registerQueueRoutes(
  scope: FastifyInstance,
  queues: QueueEngine,
  deps: EmulatorDeps,
): void {
  const account = (request: FastifyRequest): string => deps.accountId(request);
  const view = (accountId: string, queue: QueueRecord) =>
    queueView(queue, queues.waiting(accountId, queue.name).length);
  scope.get('/v2/queues', async (request) => {
    const accountId = account(request);
    const page = valueOrThrow(parsePage(queryParams(request.query)));
    const all = await queues.list(accountId);
    return {
      data: slicePage(all, page).map((queue) => view(accountId, queue)),
      meta: pageMeta(page, all.length),
    };
  });
  scope.post('/v2/queues', async (request) => ({
    data: view(account(request), await queues.create(account(request), request.body)),
  }));
  scope.get('/v2/queues/:name', async (request: NameRequest) => ({
    data: view(account(request), await queues.get(account(request), request.params.name)),
  }));
  scope.post('/v2/queues/:name', async (request: NameRequest) => ({
    data: view(
      account(request),
      await queues.update(account(request), request.params.name, request.body),
    ),
  }));
  scope.delete('/v2/queues/:name', async (request: NameRequest, reply: FastifyReply) => {
    await queues.remove(account(request), request.params.name);
    return reply.code(204).send();
  });
  registerQueueCallRoutes(scope, queues, deps);
}

function registerQueueCallRoutes(
  scope: FastifyInstance,
  queues: QueueEngine,
  deps: EmulatorDeps,
): void {
  const account = (request: FastifyRequest): string => deps.accountId(request);
  scope.get('/v2/queues/:name/calls', async (request: NameRequest) => {
    const accountId = account(request);
    const queue = await queues.get(accountId, request.params.name);
    const page = valueOrThrow(parsePage(queryParams(request.query)));
    const line = queues.waiting(accountId, queue.name);
    const now = deps.now();
    const data = slicePage(
      line.map((call, index) => queueCallView(queue, call, index + 1, now)),
      page,
    );
    return { data, meta: pageMeta(page, line.length) };
  });
  scope.get('/v2/queues/:name/calls/:callId', async (request: CallRequest) => {
    const { name, callId } = request.params;
    const { queue, call, position } = await queues.waitingCall(account(request), name, callId);
    return { data: queueCallView(queue, call, position, deps.now()) };
  });
  scope.delete(
    '/v2/queues/:name/calls/:callId',
    async (request: CallRequest, reply: FastifyReply) => {
      await queues.removeCall(account(request), request.params.name, request.params.callId);
      return reply.code(204).send();
    },
  );
  scope.patch(
    '/v2/queues/:name/calls/:callId',
    async (request: CallRequest, reply: FastifyReply) => {
      const { name, callId } = request.params;
      await queues.updateCall(account(request), name, callId, request.body);
      return reply.code(204).send();
    },
  );
}
