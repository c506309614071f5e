import { isKnownEventType } from '@switchboard/core';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RoundEvent } from '../../engine/delivery/delivery-worker.js';
import type { AttemptRecord, Delivery, Store } from '../../storage/store.js';
import { BoundedLabel } from './bounded-label.js';

/** Seconds; spans a loopback reply (ms) to the 30 s longest try. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Event types outside Telnyx's own that get a series of their own; later ones count as `other`. */
const CUSTOM_EVENT_TYPES = 100;

export interface ServerMetricsOptions {
  readonly store: Store;
  /** Epoch ms; default `Date.now`. */
  readonly now?: () => number;
}

/** The server's Prometheus metrics and the hooks that feed them. */
export interface ServerMetrics {
  /** This server's own registry: several servers in one process never share series. */
  readonly registry: Registry;
  /** For the delivery worker's `onAttempt`. */
  readonly onAttempt: (attempt: AttemptRecord, delivery: Delivery) => void;
  /** For the delivery worker's `onRound`. */
  readonly onRound: (event: RoundEvent) => void;
  /** Call once per inbox capture stored. */
  readonly inboxCaptured: () => void;
  /** The text exposition, for a scrape. */
  readonly scrape: () => Promise<string>;
}

/** Builds the metrics of one server instance on a fresh registry, process metrics included. */
export function createServerMetrics(options: ServerMetricsOptions): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const now = options.now ?? Date.now;
  const deliveries = new Counter({
    name: 'switchboard_deliveries_total',
    help: 'Deliveries that reached a final state, by outcome (delivered, failed) and event type.',
    labelNames: ['outcome', 'event_type'] as const,
    registers: [registry],
  });
  const retries = new Counter({
    name: 'switchboard_retries_scheduled_total',
    help: 'Rounds that failed and scheduled another round, by event type.',
    labelNames: ['event_type'] as const,
    registers: [registry],
  });
  const attempts = new Counter({
    name: 'switchboard_attempts_total',
    help: 'HTTP tries recorded, by outcome (delivered, failed) and event type.',
    labelNames: ['outcome', 'event_type'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'switchboard_attempt_duration_seconds',
    help: 'Duration of one HTTP try (redirects included), by outcome.',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'switchboard_tries_in_flight',
    help: 'Rounds being sent by this process, by receiving origin.',
    labelNames: ['origin'] as const,
    registers: [registry],
  });
  const captures = new Counter({
    name: 'switchboard_inbox_captures_total',
    help: 'Requests captured by inboxes.',
    registers: [registry],
  });
  registerQueueGauges(registry, options.store, now);
  const eventTypes = new BoundedLabel(isKnownEventType, CUSTOM_EVENT_TYPES);
  const countInFlight = inFlightByOrigin(inFlight);
  return {
    registry,
    onAttempt: (attempt, delivery) => {
      attempts.inc({ outcome: attempt.status, event_type: eventTypes.of(delivery.eventType) });
      latency.observe({ outcome: attempt.status }, attempt.latencyMs / 1000);
    },
    onRound: (event) => {
      const { origin } = event.delivery;
      const eventType = eventTypes.of(event.delivery.eventType);
      if (event.kind !== 'recorded') countInFlight(origin, event.kind === 'started' ? 1 : -1);
      else if (event.update.state === 'queued') retries.inc({ event_type: eventType });
      else deliveries.inc({ outcome: event.update.state, event_type: eventType });
    },
    inboxCaptured: () => {
      captures.inc();
    },
    scrape: () => registry.metrics(),
  };
}

/**
 * Moves an origin's in-flight count; an origin with nothing in flight loses its series, so the
 * gauge holds at most as many series as there are tries in flight, not every origin ever sent to.
 */
function inFlightByOrigin(gauge: Gauge<'origin'>): (origin: string, delta: number) => void {
  const counts = new Map<string, number>();
  return (origin, delta) => {
    const count = (counts.get(origin) ?? 0) + delta;
    if (count > 0) {
      counts.set(origin, count);
      gauge.set({ origin }, count);
    } else {
      counts.delete(origin);
      gauge.remove({ origin });
    }
  };
}

/** Read from the store on each scrape, so they are true across every node sharing it. */
function registerQueueGauges(registry: Registry, store: Store, now: () => number): void {
  new Gauge({
    name: 'switchboard_queue_depth',
    help: 'Queued deliveries (due now or later), across every node sharing the store.',
    registers: [registry],
    async collect() {
      this.set(await store.countQueued());
    },
  });
  new Gauge({
    name: 'switchboard_oldest_due_age_seconds',
    help: 'How long the longest-waiting due delivery has been due; 0 when none is overdue.',
    registers: [registry],
    async collect() {
      const due = await store.nextDueAt();
      this.set(due === null ? 0 : Math.max(0, now() - due) / 1000);
    },
  });
}
