import { dialAction, raceParent } from './dial-outcome.js';
import type { DialNoun, DialVerb } from './texml-verbs.js';
import { STOP, type VerbHost, type VerbOutcome } from './verb-host.js';

/**
 * `<Dial><Conference>`: the caller joins the named room and stays until it hangs up or the
 * conference ends (a moderator with `endConferenceOnExit` leaves, or the REST API ends it).
 * A full room ends the Dial at once with `DialCallStatus` failed.
 */
export async function runConference(
  verb: DialVerb,
  noun: Extract<DialNoun, { noun: 'Conference' }>,
  host: VerbHost,
): Promise<VerbOutcome> {
  const { accountId, sid } = host.leg.record;
  const since = host.mark();
  const conference = await host.conferences.join(accountId, sid, noun);
  if (conference === null)
    return dialAction(verb, {
      status: 'failed',
      dialCallSid: null,
      durationSecs: 0,
      recordingUrl: null,
    });
  const joinedAt = host.now();
  const left = await host.until(
    since,
    (event) =>
      event.type === 'conference.participant.left' &&
      event.payload['conference_id'] === conference.id,
  );
  if (left.kind !== 'event') {
    // Hung up (Call Control takes the call out itself) or redirected by the REST API.
    await host.conferences.leave(accountId, conference.id, sid);
    return STOP;
  }
  return dialAction(verb, {
    status: 'completed',
    dialCallSid: null,
    durationSecs: Math.floor((host.now() - joinedAt) / 1000),
    recordingUrl: null,
  });
}

/**
 * `<Dial><Queue>`: bridges the caller to the call waiting longest in the queue (it leaves the
 * queue as `bridged`). An empty queue is watched until the Dial's timeout.
 */
export async function runDialQueue(
  verb: DialVerb,
  noun: Extract<DialNoun, { noun: 'Queue' }>,
  host: VerbHost,
): Promise<VerbOutcome> {
  const accountId = host.leg.record.accountId;
  const deadline = host.now() + verb.timeoutSecs * host.settings.secondMs;
  const step = Math.max(5, Math.round(host.settings.secondMs / 4));
  let waiting = host.calls.waiting(accountId, noun.name)[0];
  while (waiting === undefined && host.now() < deadline) {
    if ((await host.sleep(step)).kind !== 'timeout') return STOP;
    waiting = host.calls.waiting(accountId, noun.name)[0];
  }
  if (waiting === undefined)
    return dialAction(verb, {
      status: 'no-answer',
      dialCallSid: null,
      durationSecs: 0,
      recordingUrl: null,
    });
  if (!(await host.command({ name: 'bridge', peer: waiting, parkAfterUnbridge: true })))
    return STOP;
  const bridgedAt = host.now();
  const left = await raceParent(host, host.mark(), host.calls.ended(accountId, waiting.id));
  if (left === 'stop') return STOP;
  return dialAction(verb, {
    status: 'completed',
    dialCallSid: waiting.id,
    durationSecs: Math.floor((host.now() - bridgedAt) / 1000),
    recordingUrl: null,
  });
}
