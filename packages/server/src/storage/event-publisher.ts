import type { EventRecord, NewDelivery } from './delivery-records.js';

export interface PublishInput {
  readonly event: EventRecord;
  readonly deliveries: readonly NewDelivery[];
}

export type PublishResult =
  { readonly created: true } | { readonly created: false; readonly existing: EventRecord };

/** Writing events and their deliveries: the API's and the emulator's publishers. */
export interface EventPublisher {
  /** Writes the event and its deliveries in one transaction; a repeated event id changes nothing. */
  publish(input: PublishInput): Promise<PublishResult>;
  /**
   * Writes many events and their deliveries in one transaction, all or nothing: if any write
   * fails, none is kept. Returns, in order, whether each input created its event. An id already
   * stored, or given earlier in the same batch, gives false and writes nothing of that input.
   */
  publishBatch(inputs: readonly PublishInput[]): Promise<readonly boolean[]>;
}
