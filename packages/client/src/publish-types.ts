import type { ChaosProfile, PublishEvent, PublishResult } from '@switchboard/core/contract';
import type { ApiError } from './create-api-client.js';

/**
 * One event to publish: the body of `POST /switchboard/events` as the server declares it, with
 * `payload` taking any object (the server stores it as JSON).
 */
export type PublishableEvent = Omit<PublishEvent, 'payload' | 'chaos'> & {
  /** The event's `payload` object; default `{}`. */
  readonly payload?: object;
  /** Faults to inject (see Switchboard's docs/chaos.md). */
  readonly chaos?: ChaosProfile | null;
};

/**
 * What Switchboard answered for one event. `duplicate`: the id was already stored, so no second
 * delivery was made; after a retry this includes events that an earlier try of the same batch
 * stored before its reply was lost.
 */
export type PublishedEvent = PublishResult;

/** One item of Switchboard's (Telnyx's) error envelope. */
export type ApiErrorItem = ApiError;
