import {
  CallSummaryList,
  CallTimeline,
  ErrorEnvelope,
  type CallSummary,
} from '@switchboard/core/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteRegistrar } from '../../http/api/create-app.js';
import { pathParam } from '../../http/api/path-param.js';
import type { RouteContext } from '../../http/api/routes/route-context.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import { decodeCall, jsonOf } from './call-document.js';
import { CallCommandLog, type CommandEntry } from './call-command-log.js';
import { callIdOf, CallParams } from './call-schemas.js';
import type { CallState } from './call-state.js';
import { callTimeline } from './call-timeline.js';
import { callView } from './call-view.js';

/** The declared command and far-end routes: `…/:call_control_id/actions/<action>`. */
const COMMAND_ROUTE = /^\/v2\/calls\/:call_control_id\/actions\/([a-z_]+)$/;
const FAR_END_ROUTE = /^\/switchboard\/simulate\/calls\/:call_control_id\/actions\/([a-z_]+)$/;
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
    typed(app).get(
      '/switchboard/calls',
      {
        schema: {
          summary: "The account's emulated calls, newest first",
          tags: ['calls'],
          response: { 200: CallSummaryList, '4xx': ErrorEnvelope },
        },
      },
      async (request) => {
        const calls = await ctx.store.listResources(ctx.auth.accountOf(request).id, 'call');
        const states = calls.map((resource) => decodeCall(resource.data));
        return { data: states.reverse().map(summary) };
      },
    );
    typed(app).get(
      '/switchboard/calls/:call_control_id/timeline',
      {
        schema: {
          summary: "A call's start, commands, far-end actions and webhooks, oldest first",
          tags: ['calls'],
          params: CallParams,
          response: { 200: CallTimeline, '4xx': ErrorEnvelope },
        },
      },
      async (request) => {
        const accountId = ctx.auth.accountOf(request).id;
        const id = callIdOf(request.params.call_control_id);
        const call = await ctx.store.getResource(accountId, 'call', id);
        if (call === null) throw new NotFoundError('Call not found.');
        const state = decodeCall(call.data);
        const events = await ctx.store.listDeliveries(
          accountId,
          { webhookContains: state.id },
          { number: 1, size: MAX_EVENTS },
        );
        const commands = await log.list(accountId, state.id);
        return {
          data: { call: summary(state), timeline: callTimeline(state, commands, events.rows) },
        };
      },
    );
  };
}

/** The Telnyx call object plus what the emulator knows about the far end. */
function summary(state: CallState): CallSummary {
  return {
    ...callView(state),
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
  const route = request.routeOptions.url ?? '';
  const command = COMMAND_ROUTE.exec(route)?.[1];
  const action = command ?? FAR_END_ROUTE.exec(route)?.[1];
  if (action === undefined) return;
  if (reply.statusCode === 401 || reply.statusCode === 404) return;
  const entry: CommandEntry = {
    at,
    source: command === undefined ? 'far_end' : 'command',
    action,
    status: reply.statusCode,
    body: jsonOf(request.body ?? null),
  };
  await log.append(ctx.auth.accountOf(request).id, pathParam(request, 'call_control_id'), entry);
}
