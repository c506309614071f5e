import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteRegistrar } from '../../api/create-app.js';
import { pathParam } from '../../api/path-param.js';
import type { RouteContext } from '../../api/routes/route-context.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { Json, JsonObject } from '../../storage/store.js';
import { CallCommandLog, type CommandEntry } from './call-command-log.js';
import type { CallState } from './call-state.js';
import { callTimeline } from './call-timeline.js';
import { callView } from './call-view.js';

const COMMAND_ROUTE = '/v2/calls/:id/actions/:action';
const FAR_END_ROUTE = '/switchboard/simulate/calls/:id/actions/:action';
/** Timelines show a call's first webhooks; an emulated call rarely has more. */
const MAX_EVENTS = 250;

/**
 * `GET /switchboard/calls` (the account's emulated calls, newest first) and
 * `GET /switchboard/calls/{id}/timeline` (start, commands, far-end actions and webhooks). The
 * command log is fed by an `onResponse` hook on this scope, which the call routes' own scope
 * inherits, so the call engine needs no change to be observed.
 */
export function callDashboardRoutes(): RouteRegistrar {
  return (app: FastifyInstance, ctx: RouteContext): void => {
    const log = new CallCommandLog(ctx.store);
    // A command's webhooks are published before its reply, so it is logged at its arrival.
    const arrivals = new WeakMap<FastifyRequest, number>();
    app.addHook('onRequest', (request, _reply, done) => {
      arrivals.set(request, ctx.now());
      done();
    });
    app.addHook('onResponse', (request, reply, done) => {
      const at = arrivals.get(request) ?? ctx.now();
      void record(ctx, log, { request, reply, at }).catch((error: unknown) => {
        request.log.warn({ err: error }, 'call command not logged');
      });
      done();
    });
    app.get('/switchboard/calls', async (request) => {
      const calls = await ctx.store.listResources(ctx.auth.accountOf(request).id, 'call');
      const states = calls.map((resource) => resource.data as unknown as CallState);
      return { data: states.reverse().map(summary) };
    });
    app.get('/switchboard/calls/:id/timeline', async (request) => {
      const accountId = ctx.auth.accountOf(request).id;
      const call = await ctx.store.getResource(accountId, 'call', pathParam(request, 'id'));
      if (call === null) throw new NotFoundError('Call not found.');
      const state = call.data as unknown as CallState;
      const events = await ctx.store.listDeliveries(
        accountId,
        { webhookContains: state.id },
        { number: 1, size: MAX_EVENTS },
      );
      const commands = await log.list(accountId, state.id);
      return {
        data: { call: summary(state), timeline: callTimeline(state, commands, events.rows) },
      };
    });
  };
}

/** The Telnyx call object plus what the emulator knows about the far end. */
function summary(state: CallState): JsonObject {
  return {
    ...(callView(state) as JsonObject),
    phase: state.phase,
    direction: state.direction,
    from: state.from,
    to: state.to,
    connection_id: state.connectionId,
    far_end: state.farEnd,
    conference_id: state.conferenceId ?? null,
    queue: state.queue?.name ?? null,
    answered_at: state.answeredAt === null ? null : new Date(state.answeredAt).toISOString(),
  };
}

interface Exchange {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly at: number;
}

/** Unauthenticated and unknown-call replies belong to no call of the caller, so they are skipped. */
async function record(ctx: RouteContext, log: CallCommandLog, exchange: Exchange): Promise<void> {
  const { request, reply, at } = exchange;
  const route = request.routeOptions.url;
  if (route !== COMMAND_ROUTE && route !== FAR_END_ROUTE) return;
  if (reply.statusCode === 401 || reply.statusCode === 404) return;
  const entry: CommandEntry = {
    at,
    source: route === COMMAND_ROUTE ? 'command' : 'far_end',
    action: pathParam(request, 'action'),
    status: reply.statusCode,
    body: (request.body ?? null) as Json,
  };
  await log.append(ctx.auth.accountOf(request).id, pathParam(request, 'id'), entry);
}
