import { randomInt } from 'node:crypto';
import { chaosDeliveries } from '../delivery/chaos/chaos-deliveries.js';
import type { Account } from '../../storage/account-store.js';
import type { EventRecord, NewDelivery } from '../../storage/delivery-records.js';
import type { EventPublisher, PublishInput } from '../../storage/event-publisher.js';
import type { JsonObject } from '../../storage/json.js';
import { publishHandedOver, type PublishWorker } from './publish-handoff.js';
import {
  resolveTarget,
  type ResolvedTarget,
  type ResourceReader,
  type TargetRequest,
} from './resolve-target.js';

/** What publishing needs of the store: resolving targets, then writing. */
export type PublishingStore = EventPublisher & ResourceReader;

export interface PublishEventDeps {
  readonly store: PublishingStore;
  readonly now: () => number;
  readonly newId: () => string;
  /** Woken when a new delivery is stored; in this process, it takes them with their publish. */
  readonly worker: PublishWorker;
  /** Seeds chaos runs that set no `seed`; default a random 32-bit integer. */
  readonly randomSeed?: () => number;
}

/** What the server's routes hold that publishing needs (the API's and the emulator's context). */
export interface PublishingContext {
  readonly store: PublishingStore;
  readonly now: () => number;
  readonly newId: () => string;
  readonly worker: PublishWorker;
}

/** Publishing deps for a server context: its store, clock, ids, and its worker. */
export function publishDepsOf(ctx: PublishingContext): PublishEventDeps {
  return { store: ctx.store, now: ctx.now, newId: ctx.newId, worker: ctx.worker };
}

export interface PublishEventInput extends TargetRequest {
  readonly account: Account;
  readonly eventType: string;
  readonly payload: JsonObject;
  /** Caller-chosen event id (idempotency key); default a new UUID. */
  readonly id?: string;
  /** ISO-8601; default now, with microseconds as Telnyx voice events show it. */
  readonly occurredAt?: string;
}

export type PublishEventOutcome =
  | { readonly kind: 'published'; readonly eventId: string; readonly deliveryId: string }
  | { readonly kind: 'duplicate'; readonly eventId: string }
  | { readonly kind: 'unknown_connection' }
  | { readonly kind: 'no_target' };

/**
 * Stores an event and its one delivery in a single transaction, then wakes the worker. A
 * repeated event id stores nothing and reports `duplicate`, so publishers can retry freely.
 */
export async function publishEvent(
  deps: PublishEventDeps,
  input: PublishEventInput,
): Promise<PublishEventOutcome> {
  const resolved = await resolveTarget(deps.store, input.account, input);
  if (!resolved.ok) return { kind: resolved.reason };
  const prepared = preparePublish(deps, input, resolved);
  const result = await publishHandedOver(deps.store, deps.worker, prepared.write);
  return result.created ? prepared.published : prepared.duplicate;
}

/** An event ready to store, and what its publisher is told once the store has answered. */
export interface PreparedPublish {
  readonly write: PublishInput;
  readonly published: PublishEventOutcome & { readonly kind: 'published' };
  readonly duplicate: PublishEventOutcome & { readonly kind: 'duplicate' };
}

/** The event record and its deliveries (one, or more under chaos), with fresh ids and times. */
export function preparePublish(
  deps: PublishEventDeps,
  input: PublishEventInput,
  resolved: ResolvedTarget,
): PreparedPublish {
  const now = deps.now();
  const event = eventRecord(input, input.id ?? deps.newId(), now);
  const deliveryId = deps.newId();
  const delivery: NewDelivery = {
    id: deliveryId,
    target: resolved.target,
    origin: new URL(resolved.target.url).origin,
    nextAttemptAt: now,
  };
  const deliveries =
    resolved.chaos === null
      ? [delivery]
      : chaosDeliveries({
          delivery,
          profile: resolved.chaos,
          streamKey: chaosStream(input),
          newId: deps.newId,
          randomSeed: deps.randomSeed ?? (() => randomInt(2 ** 32 - 1)),
        });
  return {
    write: { event, deliveries },
    published: { kind: 'published', eventId: event.id, deliveryId },
    duplicate: { kind: 'duplicate', eventId: event.id },
  };
}

/** A seeded chaos run counts events per application, messaging profile or per-event route. */
function chaosStream(input: PublishEventInput): string {
  const source = input.connectionId ?? input.messagingProfileId ?? 'event';
  return `${input.account.id}:${source}`;
}

/** Telnyx voice timestamps carry microseconds: `2018-02-02T22:25:27.521992Z`. */
export function microsecondTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '000Z');
}

function eventRecord(input: PublishEventInput, id: string, now: number): EventRecord {
  const webhook: JsonObject = {
    record_type: 'event',
    event_type: input.eventType,
    id,
    occurred_at: input.occurredAt ?? microsecondTimestamp(now),
    payload: input.payload,
  };
  return { id, accountId: input.account.id, eventType: input.eventType, webhook, createdAt: now };
}
