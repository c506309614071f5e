import type { EnqueueVerb, Verb } from './texml-verbs.js';
import { NEXT, STOP, type VerbHost, type VerbOutcome } from './verb-host.js';

/** The verbs a `waitUrl` document may use while the caller waits (as in TwiML). */
const WAIT_VERBS = new Set(['Say', 'Play', 'Pause', 'Leave', 'Hangup', 'Redirect']);

/** Fetches and runs a document for a verb that needs one mid-verb (the queue's waitUrl). */
export type NestedRunner = (verbs: readonly Verb[]) => Promise<VerbOutcome>;
export type DocumentFetcher = (
  target: NonNullable<EnqueueVerb['waitUrl']>,
  params: Readonly<Record<string, string>>,
) => Promise<readonly Verb[] | null>;

/**
 * `<Enqueue>`: the caller waits in the named queue (Call Control enqueue, `call.enqueued`),
 * hearing the `waitUrl` document once, until a `<Dial><Queue>` bridges it (it stays on that
 * bridge until either side hangs up), a `<Leave>` takes it out, or it hangs up. Leaving sends
 * `QueueResult` to `action`; without one the document goes on.
 */
export async function runEnqueue(
  verb: EnqueueVerb,
  host: VerbHost,
  fetchDocument: DocumentFetcher,
  runNested: NestedRunner,
): Promise<VerbOutcome> {
  const accountId = host.leg.record.accountId;
  const since = host.mark();
  // Call Control's queue: created on first use with TeXML's size, listed by /v2/queues.
  const admission = await host.calls.admit(accountId, verb.queue, 100);
  const queueSize = admission.size;
  const enqueued = await host.command({
    name: 'enqueue',
    queue: verb.queue,
    maxSize: admission.maxSize,
    queueSize,
    maxWaitMs: null,
    avgWaitSecs: admission.avgWaitSecs,
  });
  if (!enqueued) return host.leg.events.ended ? STOP : result(verb, 'queue-full', 0);
  const enqueuedAt = host.now();
  if (verb.waitUrl !== null) {
    const waitVerbs = await fetchDocument(verb.waitUrl, {
      QueuePosition: String(queueSize + 1),
      QueueSid: verb.queue,
      QueueTime: '0',
      CurrentQueueSize: String(queueSize + 1),
    });
    const allowed = (waitVerbs ?? []).filter((item) => WAIT_VERBS.has(item.verb));
    const outcome = await runNested(allowed);
    // A Redirect in the wait document takes the caller out of the queue to its new document.
    if (outcome.kind === 'fetch') await host.command({ name: 'leave_queue' });
    if (outcome.kind !== 'next') return outcome;
  }
  const left = await host.until(since, (event) => event.type === 'call.dequeued');
  if (left.kind !== 'event') return STOP;
  const reason = left.event.payload['reason'];
  if (reason === 'bridged') {
    await host.until(since, () => false);
    return STOP;
  }
  return result(verb, reason === 'leave' ? 'leave' : 'system-error', host.now() - enqueuedAt);
}

/** `<Leave>`: takes the call out of its queue; the Enqueue goes on to its action. */
export async function runLeave(host: VerbHost): Promise<VerbOutcome> {
  const ok = await host.command({ name: 'leave_queue' });
  return ok || !host.leg.events.ended ? NEXT : STOP;
}

function result(verb: EnqueueVerb, queueResult: string, waitedMs: number): VerbOutcome {
  if (verb.action === null) return NEXT;
  return {
    kind: 'fetch',
    target: verb.action,
    params: {
      QueueResult: queueResult,
      QueueSid: verb.queue,
      QueueTime: String(Math.floor(waitedMs / 1000)),
    },
  };
}
