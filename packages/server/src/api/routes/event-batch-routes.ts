import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../errors/api-error.js';
import {
  MAX_BATCH_EVENTS,
  publishEvents,
  type BatchEventFailure,
} from '../../events/publish-events.js';
import { publishDepsOf } from '../../events/publish-event.js';
import type { JsonObject } from '../../storage/store.js';
import { fail, failAll, ok, valueOrThrow, type Checked } from '../validation/checked.js';
import { isPlainObject } from '../validation/field-checks.js';
import { invalidIssue, missingIssue } from '../validation/issues.js';
import { checkObject } from '../validation/object-spec.js';
import { EVENT_SPEC, publishFields, publishedData, targetIssue } from './event-routes.js';
import type { RouteContext } from './route-context.js';

/**
 * `POST /switchboard/events/batch`: `{ "data": [event, …] }`, each event as for
 * `POST /switchboard/events`. All or nothing: one bad event rejects the batch with 422 (pointers
 * like `/data/7/event_type`) and nothing is stored; otherwise one transaction stores them all.
 */
export function registerEventBatchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/switchboard/events/batch', async (request, reply) => {
    const events = valueOrThrow(checkBatch(request.body));
    const account = ctx.auth.accountOf(request);
    const outcome = await publishEvents(
      publishDepsOf(ctx),
      events.map((event) => ({ account, ...publishFields(event) })),
    );
    if (outcome.kind === 'rejected') throw rejection(outcome.failures);
    return reply.status(202).send({ data: outcome.outcomes.map(publishedData) });
  });
}

function rejection(
  failures: readonly [BatchEventFailure, ...BatchEventFailure[]],
): ValidationError {
  const issue = ({ index, reason }: BatchEventFailure) => targetIssue(reason, `/data/${index}`);
  const [first, ...rest] = failures;
  return new ValidationError([issue(first), ...rest.map(issue)]);
}

function checkBatch(body: unknown): Checked<JsonObject[]> {
  if (!isPlainObject(body)) return fail(invalidIssue({ pointer: '/' }, 'a JSON object'));
  const data = body['data'];
  if (data === undefined) return fail(missingIssue({ pointer: '/data' }));
  if (!Array.isArray(data)) return fail(invalidIssue({ pointer: '/data' }, 'an array of events'));
  if (data.length === 0 || data.length > MAX_BATCH_EVENTS) {
    return fail({
      code: '10033',
      title: 'Value outside of range',
      detail: `A batch holds 1 to ${MAX_BATCH_EVENTS} events; this one has ${data.length}.`,
      pointer: '/data',
    });
  }
  const results = data.map((event, index) =>
    checkObject(EVENT_SPEC, event, 'create', `/data/${index}`),
  );
  const events = results.flatMap((result) => (result.ok ? [result.value] : []));
  return events.length === results.length ? ok(events) : failAll(results);
}
