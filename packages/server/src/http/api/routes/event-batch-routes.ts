import { ErrorEnvelope, PublishBatch, PublishBatchResponse } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../../support/errors/api-error.js';
import { publishEvents, type BatchEventFailure } from '../../../engine/events/publish-events.js';
import { publishDepsOf } from '../../../engine/events/publish-event.js';
import { typed } from '../../typed-app.js';
import { publishFields, publishedData, targetIssue } from './event-routes.js';
import type { RouteContext } from './route-context.js';

/**
 * `POST /switchboard/events/batch`: `{ "data": [event, …] }`, each event as for
 * `POST /switchboard/events`. All or nothing: one bad event rejects the batch with 422 (pointers
 * like `/data/7/event_type`) and nothing is stored; otherwise one transaction stores them all.
 */
export function registerEventBatchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).post(
    '/switchboard/events/batch',
    {
      schema: {
        summary: 'Publish up to 1,000 events in one transaction',
        tags: ['events'],
        body: PublishBatch,
        response: { 202: PublishBatchResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const account = ctx.auth.accountOf(request);
      const outcome = await publishEvents(
        publishDepsOf(ctx),
        request.body.data.map((event) => ({ account, ...publishFields(event) })),
      );
      if (outcome.kind === 'rejected') throw rejection(outcome.failures);
      return reply.status(202).send({ data: outcome.outcomes.map(publishedData) });
    },
  );
}

function rejection(
  failures: readonly [BatchEventFailure, ...BatchEventFailure[]],
): ValidationError {
  const issue = ({ index, reason }: BatchEventFailure) => targetIssue(reason, `/data/${index}`);
  const [first, ...rest] = failures;
  return new ValidationError([issue(first), ...rest.map(issue)]);
}
