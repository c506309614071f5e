import type { FastifyInstance } from 'fastify';
import type { RouteRegistrar } from '../http/api/create-app.js';
import type { RouteContext } from '../http/api/routes/route-context.js';
import {
  microsecondTimestamp,
  publishDepsOf,
  publishEvent,
} from '../engine/events/publish-event.js';
import type { Account, JsonObject } from '../storage/store.js';
import { registerBalanceRoutes } from './billing/balance-routes.js';
import { registerMediaRoutes } from './media/media-routes.js';
import type { CallEngineOptions } from './calls/call-engine.js';
import { registerCallRoutes } from './calls/call-routes.js';
import type { EmitInput, EmulatorDeps } from './emulator-deps.js';
import {
  registerMessagingRoutes,
  type MessagingOptions,
} from './messaging/register-messaging-routes.js';
import { registerPhoneNumberRoutes } from './phone-numbers/register-phone-number-routes.js';
import { registerTexml, routingTexmlEvents } from './texml/register-texml.js';
import type { TexmlCalls } from './texml/texml-calls.js';
import type { TexmlOptions } from './texml/texml-options.js';
import { RoundReplies } from '../engine/delivery/round-replies.js';

export interface EmulatorOptions {
  /** The server's public base URL; read lazily because the port is known only after listen. */
  readonly baseUrl: () => string;
  readonly calls?: CallEngineOptions;
  readonly messaging?: MessagingOptions;
  readonly texml?: TexmlOptions;
  /** The worker's reply hand-back (TeXML reads its fetches' replies); default: none, the store is read. */
  readonly replies?: RoundReplies;
}

/**
 * The Telnyx emulator (calls, TeXML, messaging, phone numbers) as an authenticated route registrar.
 * Emitted events go through {@link publishEvent}, so they are signed, retried and recorded
 * like any other delivery.
 */
export function emulatorRoutes(options: EmulatorOptions): RouteRegistrar {
  return (app: FastifyInstance, ctx: RouteContext): void => {
    const deps = emulatorDeps(ctx, options);
    let texml: TexmlCalls | null = null;
    const engine = registerCallRoutes(
      app,
      routingTexmlEvents(deps, () => texml),
      options.calls,
    );
    registerPhoneNumberRoutes(app, deps);
    registerMessagingRoutes(app, deps, options.messaging);
    texml = registerTexml(app, {
      deps,
      engine,
      newId: ctx.newId,
      worker: ctx.worker,
      replies: options.replies ?? new RoundReplies(),
      ...(options.texml === undefined ? {} : { options: options.texml }),
      onError: (error) => {
        ctx.logger.error({ err: error }, 'TeXML call failed');
      },
    });
    registerBalanceRoutes(app);
    registerMediaRoutes(app, deps, ctx.webhookDispatcher);
  };
}

function emulatorDeps(ctx: RouteContext, options: EmulatorOptions): EmulatorDeps {
  return {
    store: ctx.store,
    emit: (input) => emit(ctx, input),
    accountId: (request) => ctx.auth.accountOf(request).id,
    now: ctx.now,
    random: Math.random,
    get baseUrl() {
      return options.baseUrl();
    },
  };
}

async function emit(ctx: RouteContext, input: EmitInput): Promise<void> {
  const account = await ctx.store.getAccount(input.accountId);
  if (account === null) return;
  const outcome = await publishEvent(publishDepsOf(ctx), publishInput(account, input));
  if (outcome.kind === 'unknown_connection' || outcome.kind === 'no_target') {
    ctx.logger.warn(
      { eventType: input.eventType, reason: outcome.kind },
      'emulator event not routed',
    );
  }
}

function publishInput(account: Account, input: EmitInput) {
  return {
    account,
    eventType: input.eventType,
    payload: input.payload as JsonObject,
    ...(input.occurredAt === undefined
      ? {}
      : { occurredAt: microsecondTimestamp(input.occurredAt) }),
    ...(input.connectionId === undefined ? {} : { connectionId: input.connectionId }),
    ...(input.messagingProfileId === undefined
      ? {}
      : { messagingProfileId: input.messagingProfileId }),
    ...(input.webhookUrl === undefined ? {} : { webhookUrl: input.webhookUrl }),
    ...(input.failoverUrl === undefined ? {} : { failoverUrl: input.failoverUrl }),
    ...(input.method === undefined ? {} : { method: input.method }),
    ...(input.retrySchedule === undefined ? {} : { retrySchedule: input.retrySchedule }),
  };
}
