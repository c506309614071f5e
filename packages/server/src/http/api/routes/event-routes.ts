import {
  ErrorEnvelope,
  PublishEvent,
  PublishResponse,
  type PublishResult,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { ValidationError, type ErrorItem } from '../../../support/errors/api-error.js';
import {
  publishDepsOf,
  publishEvent,
  type PublishEventOutcome,
} from '../../../engine/events/publish-event.js';
import { typed } from '../../typed-app.js';
import { missingIssue } from '../../validation/issues.js';
import type { RouteContext } from './route-context.js';

/** `POST /switchboard/events`: publish one event for delivery. */
export function registerEventRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).post(
    '/switchboard/events',
    {
      schema: {
        summary: 'Publish one event for delivery',
        tags: ['events'],
        body: PublishEvent,
        response: { 202: PublishResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const outcome = await publishEvent(publishDepsOf(ctx), {
        account: ctx.auth.accountOf(request),
        ...publishFields(request.body),
      });
      return reply.status(202).send({ data: outcomeData(outcome) });
    },
  );
}

/** A declared event as publishing takes it. */
export function publishFields(body: PublishEvent) {
  return {
    eventType: body.event_type,
    payload: body.payload ?? {},
    ...(body.id === undefined ? {} : { id: body.id }),
    ...(body.occurred_at === undefined ? {} : { occurredAt: body.occurred_at }),
    ...(body.connection_id === undefined ? {} : { connectionId: body.connection_id }),
    ...(body.webhook_url === undefined ? {} : { webhookUrl: body.webhook_url }),
    ...(body.webhook_failover_url === undefined ? {} : { failoverUrl: body.webhook_failover_url }),
    ...(body.webhook_url_method === undefined ? {} : { method: body.webhook_url_method }),
    ...(body.chaos === undefined || body.chaos === null ? {} : { chaos: body.chaos }),
  };
}

function outcomeData(outcome: PublishEventOutcome): PublishResult {
  if (outcome.kind === 'published' || outcome.kind === 'duplicate') return publishedData(outcome);
  throw new ValidationError([targetIssue(outcome.kind)]);
}

/** What a publisher is told of an event that was stored, or was already there. */
export function publishedData(
  outcome: PublishEventOutcome & { kind: 'published' | 'duplicate' },
): PublishResult {
  return outcome.kind === 'published'
    ? { id: outcome.eventId, duplicate: false, webhook_delivery_id: outcome.deliveryId }
    : { id: outcome.eventId, duplicate: true };
}
/** The 422 item for an event with no usable target; `at` prefixes its pointer (`/data/7`). */
export function targetIssue(reason: 'unknown_connection' | 'no_target', at = ''): ErrorItem {
  if (reason === 'unknown_connection') {
    return {
      code: '10015',
      title: 'Invalid value for connection_id',
      detail:
        'The requested connection_id (Call Control App ID) is either invalid or does not exist.',
      pointer: `${at}/connection_id`,
    };
  }
  return {
    ...missingIssue({ pointer: `${at}/webhook_url` }),
    detail: 'Either connection_id or webhook_url is required.',
  };
}
