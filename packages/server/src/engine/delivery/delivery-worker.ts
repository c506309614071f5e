import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino, type Logger } from 'pino';
import { Agent, type Dispatcher } from 'undici';
import type { CompleteInput, DeliveryQueue, DeliveryUpdate } from '../../storage/delivery-queue.js';
import type { AttemptRecord, Delivery, PublishLease } from '../../storage/delivery-records.js';
import { settleWithin } from '../../support/settle-within.js';
import { TurnBatch } from '../../storage/turn-batch.js';
import { ChaosGate } from './chaos/chaos-gate.js';
import { chaosStateOf } from './chaos/chaos-state.js';
import { listenForPublishes } from './publish-listener.js';
import { claimMayHaveLeftSome, OriginSlots, type ClaimPlan } from './origin-slots.js';
import { ReadyDeliveries, type ReadyDelivery } from './ready-deliveries.js';
import { DEFAULT_RETRY_SCHEDULE } from './retry-policy.js';
import { decideAfterRound } from './round-decision.js';
import { recordingFault } from './recording-fault.js';
import { runRound, type RoundContext, type RoundResult } from './run-round.js';
import { Shutdown } from './shutdown.js';
import { SigningKeyCache, type SigningKeyReader } from './signing-key-cache.js';
import { WakeSignal } from './wake-signal.js';

/** `webhook_timeout_secs` is at most 30: the longest try a target can ask for. */
export const MAX_TARGET_TIMEOUT_MS = 30_000;
/** Settled: a lease lasts at most the try's timeout plus 30 s. */
export const LEASE_SLACK_MS = 30_000;
const MAX_CLAIM_BATCH = 256;
const DEFAULT_GRACE_MS = 10_000;
/**
 * How long `stop` waits, after the grace period, for each store step (the last records, giving
 * leases back) and for the dispatcher, so that a store or socket that never answers cannot hold
 * a stop for more than a few seconds past its grace period.
 */
export const STOP_STEP_MS = 1_000;
/** How long a claim waits for more slots to free up, so that claims come in batches. */
const BATCH_WINDOW_MS = 2;
/**
 * Settled: how much older a backlog in the store may be than a new delivery that the publish
 * hands straight to the worker. Beyond it, new deliveries queue behind the backlog and go out
 * oldest first, so that neither retries nor a backlog wait behind a stream of new events.
 */
export const HANDOFF_MAX_OVERTAKE_MS = 1_000;

/** What the worker needs of the store: the queue, and the accounts' signing keys. */
export type WorkerStore = DeliveryQueue & SigningKeyReader;

export interface DeliveryWorkerOptions {
  readonly store: WorkerStore;
  /** Unique per process, e.g. `${hostname}:${pid}:${random}`; leases are held under it. */
  readonly owner: string;
  /** Epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /** Uniform in [0, 1) for retry jitter; default `Math.random`. */
  readonly random?: () => number;
  /** Most tries in flight in this process; default 64. */
  readonly concurrency?: number;
  /** Most tries in flight per origin (scheme://host:port); default 16. */
  readonly perOriginConcurrency?: number;
  /**
   * Deliveries claimed ahead of free slots, so that slots never wait for a claim's round trip;
   * default `concurrency`. At most `perOriginConcurrency` of them per origin.
   */
  readonly prefetch?: number;
  /** Per-try timeout when the target's `timeoutMs` is 0; default 10 000. */
  readonly defaultTimeoutMs?: number;
  /** Delays (ms) of the rounds after the first; default seed 003's [1 min, 5 min, 15 min, 1 h]. */
  readonly schedule?: readonly number[];
  /**
   * How long a claim is leased; default the longest try a target may ask for plus
   * {@link LEASE_SLACK_MS}. Shorter leases let another process resume a crashed one's
   * deliveries sooner, but a try that outlives its lease may then be sent twice.
   */
  readonly leaseMs?: number;
  /** Longest idle sleep, since other nodes may publish without waking us; default 1000. */
  readonly pollIntervalMs?: number;
  readonly logger?: Logger;
  /** Default: a keep-alive Agent with `perOriginConcurrency` connections per origin. */
  readonly dispatcher?: Dispatcher;
  /** Called after each try's record is stored (metrics). */
  readonly onAttempt?: (attempt: AttemptRecord, delivery: Delivery) => void;
  /** Called when a round starts, when its result is stored, and when it ends (metrics). */
  readonly onRound?: (event: RoundEvent) => void;
  /**
   * Called with each round's tries as soon as they end, before they are recorded: how a
   * publisher in this process that reads replies (TeXML's instruction fetches) gets them.
   */
  readonly onRoundResult?: (delivery: Delivery, round: RoundResult) => void;
}

/** A round's life as {@link DeliveryWorkerOptions.onRound} sees it; `ended` always follows `started`. */
export type RoundEvent =
  | { readonly kind: 'started' | 'ended'; readonly delivery: Delivery }
  | { readonly kind: 'recorded'; readonly delivery: Delivery; readonly update: DeliveryUpdate };

/**
 * Handing new deliveries to this process's worker at publish, instead of through a claim: the
 * publisher asks for a lease per delivery due now, writes the delivery with it, then adopts
 * it, or forgoes the lease when nothing was written. One message and one write fewer per
 * delivery, and the first try starts as soon as the publish commits.
 */
export interface DeliveryHandoff {
  /**
   * A lease for one delivery to `origin`, due now, or null when the worker has no room for it
   * (or is not running). Every lease given must be settled by {@link adopt} or {@link forgo}.
   */
  lease(origin: string): PublishLease | null;
  /** Takes a delivery written with a lease from {@link lease} (its lease columns set). */
  adopt(delivery: Delivery): void;
  /** Gives back a lease whose delivery was not written (a duplicate event, a failed write). */
  forgo(origin: string): void;
}

export interface DeliveryWorker {
  /** New deliveries handed over at publish (see {@link DeliveryHandoff}). */
  readonly handoff: DeliveryHandoff;
  /** Starts claiming due deliveries. Calling it twice has no effect. */
  start(): void;
  /** Claims now instead of at the next poll (call after publishing). */
  wake(): void;
  /**
   * Stops claiming, lets tries in flight finish for up to `graceMs` (default 10 s), aborts the
   * rest and gives their leases back so that they are due at once.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
}

type Settings = Required<
  Omit<DeliveryWorkerOptions, 'onAttempt' | 'onRound' | 'onRoundResult' | 'dispatcher' | 'leaseMs'>
> & {
  readonly leaseMs: number | undefined;
  readonly dispatcher: Dispatcher;
  readonly onAttempt: DeliveryWorkerOptions['onAttempt'] | undefined;
  readonly onRound: DeliveryWorkerOptions['onRound'] | undefined;
  readonly onRoundResult: DeliveryWorkerOptions['onRoundResult'] | undefined;
};

/** Creates a worker that claims due deliveries with leases and runs their rounds concurrently. */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const perOrigin = options.perOriginConcurrency ?? 16;
  return new Worker(
    {
      store: options.store,
      owner: options.owner,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
      concurrency: options.concurrency ?? 64,
      perOriginConcurrency: perOrigin,
      prefetch: options.prefetch ?? options.concurrency ?? 64,
      defaultTimeoutMs: options.defaultTimeoutMs ?? 10_000,
      schedule: options.schedule ?? DEFAULT_RETRY_SCHEDULE,
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      logger: options.logger ?? pino({ level: 'silent' }),
      dispatcher:
        options.dispatcher ?? new Agent({ connections: perOrigin, keepAliveTimeout: 4_000 }),
      onAttempt: options.onAttempt,
      onRound: options.onRound,
      onRoundResult: options.onRoundResult,
      leaseMs: options.leaseMs,
    },
    options.dispatcher === undefined,
  );
}

class Worker implements DeliveryWorker, DeliveryHandoff {
  readonly #settings: Settings;
  readonly #ownsDispatcher: boolean;
  /** Rounds whose HTTP tries have not ended: what the concurrency bounds count. */
  readonly #inFlight = new Set<Promise<void>>();
  /** Rounds not yet recorded (a superset of {@link #inFlight}); `stop` waits for them. */
  readonly #recording = new Set<Promise<void>>();
  /** HTTP tries in flight per origin. */
  readonly #slots: OriginSlots;
  /** Claimed and not yet done with HTTP, per origin (prefetched ones included): what claims are planned on. */
  readonly #held: OriginSlots;
  readonly #ready = new ReadyDeliveries();
  readonly #keys: SigningKeyCache;
  /** Rounds that end in one turn are recorded in one `completeMany`. */
  readonly #completions: TurnBatch<CompleteInput, boolean>;
  readonly #chaosGate = new ChaosGate();
  readonly #signal = new WakeSignal();
  readonly #shutdown = new Shutdown();
  readonly #leaseMs: number;
  readonly #minClaim: number;
  /** Leases given at publish and not yet adopted or forgone; they count against the room. */
  #reserved = 0;
  /** Set once `stop` has given this worker's leases back. */
  #leasesGivenBack = false;
  /**
   * The due time of the oldest delivery the store may hold due and unleased, as far as this
   * worker knows; null when its last claim left nothing due behind. Set from full claims, from
   * wake-ups (publishes that were not handed over, other processes), and when the room is full.
   */
  #backlogSince: number | null;
  /** Whether a slot that frees up should wake the claim loop: the store may hold due work. */
  #claimOnFree = true;
  #loop: Promise<void> | null = null;
  #listening: Promise<(() => Promise<void>) | null> = Promise.resolve(null);
  #stopping = false;
  #batchWaited = false;

  constructor(settings: Settings, ownsDispatcher: boolean) {
    this.#settings = settings;
    this.#ownsDispatcher = ownsDispatcher;
    this.#slots = new OriginSlots(settings.perOriginConcurrency);
    this.#held = new OriginSlots(2 * settings.perOriginConcurrency);
    this.#keys = new SigningKeyCache(settings.store);
    this.#completions = new TurnBatch(
      (inputs) => settings.store.completeMany(inputs),
      (input) => settings.store.complete(input),
    );
    // One lease length for a whole batch: the longest try any target may ask for, plus slack.
    this.#leaseMs =
      settings.leaseMs ??
      Math.max(MAX_TARGET_TIMEOUT_MS, settings.defaultTimeoutMs) + LEASE_SLACK_MS;
    // Under load, claim in batches rather than one row per finished try: a claim of 16 rows
    // costs little more than a claim of 1.
    this.#minClaim = Math.max(1, Math.min(32, Math.floor(settings.concurrency / 4)));
    // Until a first claim says otherwise, the store may hold anything.
    this.#backlogSince = settings.now();
  }

  start(): void {
    if (this.#loop !== null || this.#stopping) return;
    // Another process published: its deliveries are due and unleased, like ours left to a claim.
    this.#listening = listenForPublishes(this.#settings.store, this.#settings.logger, () => {
      this.wake();
    });
    this.#loop = this.#run();
  }

  wake(): void {
    this.#mayBeDue();
    this.#signal.notify();
  }

  get handoff(): DeliveryHandoff {
    return this;
  }

  lease(origin: string): PublishLease | null {
    if (this.#loop === null || this.#stopping) return null;
    const { perOriginConcurrency, owner, now } = this.#settings;
    const since = this.#backlogSince;
    if (since !== null && now() - since > HANDOFF_MAX_OVERTAKE_MS) return null;
    // The same bound per origin as a claim's plan, so that one slow origin cannot fill the room.
    if (this.#room() <= 0 || this.#held.inFlight(origin) >= 2 * perOriginConcurrency) return null;
    this.#reserved += 1;
    this.#held.acquire(origin);
    const startedAt = now();
    return { owner, startedAt, expiresAt: startedAt + this.#leaseMs };
  }

  adopt(delivery: Delivery): void {
    this.#reserved -= 1;
    if (this.#stopping) {
      this.#held.release(delivery.origin);
      this.#afterStopAdopt();
      return;
    }
    const leaseExpiresAt = delivery.leaseExpiresAt ?? this.#settings.now();
    this.#ready.add([{ delivery, leaseExpiresAt }]);
    this.#startReady();
  }

  forgo(origin: string): void {
    this.#reserved -= 1;
    this.#held.release(origin);
  }

  /** Deliveries this worker may still take: in flight, waiting and promised all count. */
  #room(): number {
    const { concurrency, prefetch } = this.#settings;
    return concurrency + prefetch - this.#inFlight.size - this.#ready.size - this.#reserved;
  }

  /** Something may be due in the store that no claim has seen: claim when a slot frees up. */
  #mayBeDue(): void {
    this.#backlogSince ??= this.#settings.now();
    this.#claimOnFree = true;
  }

  /**
   * What a claim tells of the store: more may be due behind it when it took all it asked for,
   * or all the room of an origin (the store bounds each origin: a short claim is then not a dry
   * store, and that origin's backlog would otherwise wait for the next poll).
   */
  #noteClaim(claimed: readonly Delivery[], plan: ClaimPlan): void {
    if (claimMayHaveLeftSome(plan, claimed)) {
      // Claims take the oldest due first, so what is left fell due no earlier than the newest
      // taken (a wake-up's guess, made before this claim looked, is replaced by this fact).
      this.#backlogSince = Math.max(...claimed.map((delivery) => delivery.nextAttemptAt ?? 0));
      this.#claimOnFree = true;
      return;
    }
    this.#backlogSince = null;
    // Excluded origins may hold due work: a finishing try wakes the loop for it.
    this.#claimOnFree = plan.excludeOrigins.length > 0;
  }

  /**
   * A delivery written under a lease after `stop` began: the leases given back before the write
   * committed did not include it, so they are given back again (every round is recorded by then).
   */
  #afterStopAdopt(): void {
    if (!this.#leasesGivenBack) return;
    const { store, owner, now, logger } = this.#settings;
    store.releaseLeases(owner, now()).catch((error: unknown) => {
      logger.warn({ err: error }, 'a lease taken while stopping could not be given back');
    });
  }

  async stop(options: { graceMs?: number } = {}): Promise<void> {
    const graceEnds = performance.now() + (options.graceMs ?? DEFAULT_GRACE_MS);
    const left = (): number => graceEnds - performance.now();
    this.#stopping = true;
    // Claimed but never started: their leases are given back below with the rest.
    for (const { delivery } of this.#ready.clear()) this.#held.release(delivery.origin);
    this.#signal.notify();
    const unlistened = this.#listening.then(async (unlisten) => unlisten?.());
    // A claim that never answers must not hold the stop: every wait below has a deadline. The
    // claim under way is waited for even past the grace period (briefly), or the deliveries it
    // leases would come back after the leases were given back.
    await settleWithin(this.#loop ?? Promise.resolve(), Math.max(left(), STOP_STEP_MS));
    if ((await settleWithin(this.#idle(), left())).status === 'timed-out') this.#shutdown.abort();
    const { dispatcher } = this.#settings;
    await Promise.all([
      this.#giveLeasesBack(),
      settleWithin(unlistened, STOP_STEP_MS),
      this.#ownsDispatcher ? closeDispatcher(dispatcher, STOP_STEP_MS) : undefined,
    ]);
  }

  /** Resolves once no round is under way or waiting for its record. */
  async #idle(): Promise<void> {
    while (this.#recording.size > 0) await Promise.allSettled([...this.#recording]);
  }

  /**
   * Gives this worker's leases back, so that the deliveries are due at once, but only once every
   * finished round is recorded, or it would be sent again. When the store does not answer in
   * time, the leases are left to run out instead.
   */
  async #giveLeasesBack(): Promise<void> {
    const { store, owner, now, logger } = this.#settings;
    if ((await settleWithin(this.#idle(), STOP_STEP_MS)).status === 'timed-out') {
      const unrecorded = this.#recording.size;
      logger.warn(
        { unrecorded },
        'delivery worker stopped with rounds unrecorded; leases will run out',
      );
      return;
    }
    this.#leasesGivenBack = true;
    const released = await settleWithin(store.releaseLeases(owner, now()), STOP_STEP_MS);
    if (released.status !== 'fulfilled') {
      const err = released.status === 'rejected' ? released.reason : 'no answer in time';
      logger.warn(
        { err },
        'delivery worker stopped without giving its leases back; they will run out',
      );
      return;
    }
    logger.info({ released: released.value }, 'delivery worker stopped');
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      try {
        await this.#tick();
      } catch (error) {
        this.#settings.logger.error({ err: error }, 'delivery claim failed');
        await this.#signal.wait(this.#settings.pollIntervalMs);
      }
    }
  }

  async #tick(): Promise<void> {
    const { store, owner, now, pollIntervalMs } = this.#settings;
    this.#startReady();
    const room = this.#room();
    if (room <= 0) {
      // Full, so nothing new is looked at: retries falling due now must not wait behind handoffs.
      this.#mayBeDue();
      return this.#signal.wait(pollIntervalMs);
    }
    // Waits one short window for a bigger batch, then claims whatever there is room for, so
    // that slots held by a slow origin never stop the claiming.
    if (room < this.#minClaim && !this.#batchWaited) {
      this.#batchWaited = true;
      return sleep(BATCH_WINDOW_MS);
    }
    this.#batchWaited = false;
    const plan = this.#held.plan(room, MAX_CLAIM_BATCH);
    const claimedAt = now();
    const claimed = await store.claimDue({
      owner,
      now: claimedAt,
      limit: plan.limit,
      leaseMs: this.#leaseMs,
      excludeOrigins: plan.excludeOrigins,
      originRoom: plan.originRoom,
    });
    this.#noteClaim(claimed, plan);
    for (const delivery of claimed) this.#held.acquire(delivery.origin);
    const leaseExpiresAt = claimedAt + this.#leaseMs;
    this.#ready.add(claimed.map((delivery) => ({ delivery, leaseExpiresAt })));
    this.#startReady();
    if (this.#stopping || claimed.length === plan.limit) return;
    // Some came back: more may be due but held back by origin room, so the next freed slot or
    // publish wakes the loop. None came back: sleep until the next delivery falls due.
    const delay =
      claimed.length > 0 ? pollIntervalMs : await this.#idleDelay(plan.excludeOrigins.length > 0);
    await this.#signal.wait(delay);
  }

  /** Starts claimed deliveries while slots are free, skipping origins at their bound. */
  #startReady(): void {
    if (this.#stopping) return;
    const { concurrency, perOriginConcurrency, now } = this.#settings;
    const free = concurrency - this.#inFlight.size;
    if (free <= 0 || this.#ready.size === 0) return;
    const started = this.#ready.take(free, (item) => {
      if (this.#slots.inFlight(item.delivery.origin) >= perOriginConcurrency) return false;
      this.#slots.acquire(item.delivery.origin);
      return true;
    });
    // A delivery that waited out half its lease behind a slow origin could outlive the lease in
    // its tries, so it is left for a claim after the lease ends rather than risk a second sender.
    const leaseNeededUntil = now() + this.#leaseMs / 2;
    for (const item of started) {
      if (item.leaseExpiresAt < leaseNeededUntil) this.#abandon(item);
      else this.#launch(item);
    }
  }

  #abandon({ delivery }: ReadyDelivery): void {
    this.#slots.release(delivery.origin);
    this.#held.release(delivery.origin);
    this.#settings.logger.warn(
      { deliveryId: delivery.id },
      'claimed delivery waited too long for a slot; left for its lease to end',
    );
  }

  /** Sleeps until the next round is due, but never past the poll interval. */
  async #idleDelay(someExcluded: boolean): Promise<number> {
    const { pollIntervalMs, store, now } = this.#settings;
    // Excluded origins may hold due work: a finishing try wakes the loop for it.
    if (someExcluded) return pollIntervalMs;
    const next = await store.nextDueAt();
    const delay = next === null ? pollIntervalMs : next - now();
    return delay > 0 ? Math.min(delay, pollIntervalMs) : pollIntervalMs;
  }

  /**
   * Runs one round. Its slot is given back as soon as the HTTP tries end, not when their record
   * is committed: the bounds are on requests in flight, and bookkeeping must not hold them.
   */
  #launch({ delivery, leaseExpiresAt }: ReadyDelivery): void {
    this.#hook(() => this.#settings.onRound?.({ kind: 'started', delivery }));
    let freed = false;
    const free = (): void => {
      if (freed) return;
      freed = true;
      this.#slots.release(delivery.origin);
      this.#held.release(delivery.origin);
      this.#inFlight.delete(task);
      this.#startReady();
      // A claim per finished try would mostly come back empty once publishes hand deliveries over.
      if (this.#claimOnFree) this.#signal.notify();
    };
    const task: Promise<void> = this.#deliver(delivery, leaseExpiresAt, free)
      .catch((error: unknown) => {
        this.#settings.logger.error(
          { err: error, deliveryId: delivery.id },
          'delivery round failed',
        );
      })
      .finally(() => {
        free();
        this.#recording.delete(task);
        this.#hook(() => this.#settings.onRound?.({ kind: 'ended', delivery }));
      });
    this.#inFlight.add(task);
    this.#recording.add(task);
  }

  async #deliver(delivery: Delivery, leaseExpiresAt: number, free: () => void): Promise<void> {
    const { now, logger, dispatcher, defaultTimeoutMs } = this.#settings;
    const context: RoundContext = {
      dispatcher,
      now,
      defaultTimeoutMs,
      shutdown: this.#shutdown,
      // Read per try, so a key that cannot be read fails the try, not the round.
      signingKey: async () => (await this.#keys.get(delivery.accountId, now())).privateKey,
      leaseExpiresAt,
    };
    const limit = chaosStateOf(delivery)?.profile.concurrency;
    const round =
      limit === undefined
        ? await runRound(context, delivery)
        : await this.#chaosGate.around(delivery.origin, limit, () => runRound(context, delivery));
    free();
    this.#settings.onRoundResult?.(delivery, round);
    // Aborted by stop(): the lease is released instead, and the whole round runs again later.
    if (this.#shutdown.aborted) return;
    const recorded = await this.#record(delivery, round);
    if (recorded === null) {
      logger.warn(
        { deliveryId: delivery.id },
        'lease lost before the round was recorded; result dropped',
      );
      return;
    }
    // A retry is due later: the loop's sleep is measured again to its due time.
    if (recorded.update.state === 'queued') this.#signal.notify();
    for (const attempt of recorded.attempts) {
      this.#hook(() => this.#settings.onAttempt?.(attempt, delivery));
    }
    this.#hook(() =>
      this.#settings.onRound?.({ kind: 'recorded', delivery, update: recorded.update }),
    );
  }

  /**
   * Stores the round with the next state. When the store refuses that record (it failed alone,
   * outside its batch), a fault is recorded in its place, so the delivery still moves along its
   * retry schedule. Null when the lease was lost.
   */
  async #record(delivery: Delivery, round: RoundResult): Promise<CompleteInput | null> {
    const input = this.#completion(delivery, round);
    try {
      return (await this.#completions.add(input)) ? input : null;
    } catch (error) {
      this.#settings.logger.error(
        { err: error, deliveryId: delivery.id },
        'the round could not be recorded; recording the fault instead',
      );
      const fault = this.#completion(delivery, recordingFault(round, error));
      return (await this.#settings.store.complete(fault)) ? fault : null;
    }
  }

  #completion(delivery: Delivery, round: RoundResult): CompleteInput {
    const { owner, now, random } = this.#settings;
    const update = decideAfterRound({
      outcomes: round.outcomes,
      roundsBefore: delivery.rounds,
      schedule: delivery.target.retrySchedule ?? this.#settings.schedule,
      now: now(),
      random,
    });
    return {
      deliveryId: delivery.id,
      owner,
      attempts: round.attempts,
      rounds: delivery.rounds + 1,
      update,
    };
  }

  /** Runs a caller's hook; a hook that throws is logged and never stops a round. */
  #hook(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.#settings.logger.error({ err: error }, 'delivery hook failed');
    }
  }
}

/** Closes a dispatcher, and destroys it (cutting its sockets) if closing takes longer than `ms`. */
export async function closeDispatcher(dispatcher: Dispatcher, ms: number): Promise<void> {
  if ((await settleWithin(dispatcher.close(), ms)).status === 'timed-out')
    await dispatcher.destroy();
}
