import type { FastifyInstance } from 'fastify';
import { ValidationError, type ErrorItem } from '../../errors/api-error.js';
import { chaosCheck } from '../../delivery/chaos/chaos-check.js';
import type { ChaosProfile } from '../../delivery/chaos/chaos-profile.js';
import {
  publishDepsOf,
  publishEvent,
  type PublishEventOutcome,
} from '../../events/publish-event.js';
import type { JsonObject } from '../../storage/store.js';
import { valueOrThrow } from '../validation/checked.js';
import { anyObject, dateTime, nullable, oneOf, string, url } from '../validation/field-checks.js';
import { missingIssue } from '../validation/issues.js';
import { checkObject, type ObjectSpec } from '../validation/object-spec.js';
import type { RouteContext } from './route-context.js';

/** One event to publish: the body of `POST /switchboard/events`, and each item of a batch. */
export const EVENT_SPEC: ObjectSpec = {
  event_type: { check: string({ maxLength: 255 }), required: true },
  payload: { check: anyObject(), default: {} },
  id: { check: string({ maxLength: 255 }) },
  occurred_at: { check: dateTime() },
  connection_id: { check: string({ maxLength: 255 }) },
  webhook_url: { check: url() },
  webhook_failover_url: { check: nullable(url({ allowEmpty: true })) },
  webhook_url_method: { check: oneOf(['POST', 'GET']) },
  chaos: { check: chaosCheck() },
};

/** `POST /switchboard/events`: publish one event for delivery. */
export function registerEventRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/switchboard/events', async (request, reply) => {
    const body = valueOrThrow(checkObject(EVENT_SPEC, request.body, 'create'));
    const outcome = await publishEvent(publishDepsOf(ctx), {
      account: ctx.auth.accountOf(request),
      ...publishFields(body),
    });
    return reply.status(202).send({ data: outcomeData(outcome) });
  });
}

/** A checked event body as publishing takes it. */
export function publishFields(body: JsonObject) {
  return {
    eventType: body['event_type'] as string,
    payload: body['payload'] as JsonObject,
    ...optional('id', body['id']),
    ...optional('occurredAt', body['occurred_at']),
    ...optional('connectionId', body['connection_id']),
    ...optional('webhookUrl', body['webhook_url']),
    ...(body['webhook_failover_url'] === undefined
      ? {}
      : { failoverUrl: body['webhook_failover_url'] as string | null }),
    ...(body['webhook_url_method'] === undefined
      ? {}
      : { method: body['webhook_url_method'] as 'POST' | 'GET' }),
    ...(isObject(body['chaos']) ? { chaos: body['chaos'] as unknown as ChaosProfile } : {}),
  };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' ? ({ [key]: value } as { [P in K]: string }) : {};
}

function outcomeData(outcome: PublishEventOutcome): JsonObject {
  if (outcome.kind === 'published' || outcome.kind === 'duplicate') return publishedData(outcome);
  throw new ValidationError([targetIssue(outcome.kind)]);
}

/** What a publisher is told of an event that was stored, or was already there. */
export function publishedData(
  outcome: PublishEventOutcome & { kind: 'published' | 'duplicate' },
): JsonObject {
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
