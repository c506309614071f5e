import type { Resource } from '../../storage/resource.js';
import {
  preparePublish,
  type PublishEventDeps,
  type PublishEventInput,
  type PublishEventOutcome,
} from './publish-event.js';
import { publishBatchHandedOver } from './publish-handoff.js';
import { resolveTarget, type ResourceReader } from './resolve-target.js';

export { MAX_BATCH_EVENTS } from '@switchboard/core/contract';

/** Why one event of a batch cannot be published; its index is its place in the batch. */
export interface BatchEventFailure {
  readonly index: number;
  readonly reason: 'unknown_connection' | 'no_target';
}

export type PublishEventsOutcome =
  | {
      readonly kind: 'published';
      /** One per event, in the order given. */
      readonly outcomes: readonly (PublishEventOutcome & { kind: 'published' | 'duplicate' })[];
    }
  | {
      readonly kind: 'rejected';
      readonly failures: readonly [BatchEventFailure, ...BatchEventFailure[]];
    };

/**
 * Publishes a batch as one: every target is resolved first, and if any event cannot be
 * published, nothing is stored and every failure is reported. Otherwise the events and their
 * deliveries are written in one transaction, in the order given (so are their ids and times),
 * and the worker is woken once. An id repeated within the batch, or published before, is a
 * duplicate and makes no second delivery.
 */
export async function publishEvents(
  deps: PublishEventDeps,
  inputs: readonly PublishEventInput[],
): Promise<PublishEventsOutcome> {
  const reader = onceEach(deps.store);
  const resolved = await Promise.all(
    inputs.map(async (input) => ({
      input,
      target: await resolveTarget(reader, input.account, input),
    })),
  );
  const [failure, ...failures] = resolved.flatMap(({ target }, index) =>
    target.ok ? [] : [{ index, reason: target.reason }],
  );
  if (failure !== undefined) return { kind: 'rejected', failures: [failure, ...failures] };
  // In the order given, so that ids and times follow it.
  const prepared = resolved.flatMap(({ input, target }) =>
    target.ok ? [preparePublish(deps, input, target)] : [],
  );
  const created = await publishBatchHandedOver(
    deps.store,
    deps.worker,
    prepared.map((event) => event.write),
  );
  return {
    kind: 'published',
    outcomes: prepared.map((event, index) => (created[index] ? event.published : event.duplicate)),
  };
}

/** Reads each application or profile a batch names once, however many of its events name it. */
function onceEach(store: ResourceReader): ResourceReader {
  const reads = new Map<string, Promise<Resource | null>>();
  return {
    getResource: (accountId, kind, id) => {
      const key = JSON.stringify([accountId, kind, id]);
      let read = reads.get(key);
      if (read === undefined) {
        read = store.getResource(accountId, kind, id);
        reads.set(key, read);
      }
      return read;
    },
  };
}
