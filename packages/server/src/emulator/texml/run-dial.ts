import { recordingUrl } from './recording-url.js';
import { runConference, runDialQueue } from './run-dial-rooms.js';
import type { TexmlLeg } from './texml-leg.js';
import type { DialNoun, DialVerb } from './texml-verbs.js';
import { dialAction, raceParent, type DialResult } from './dial-outcome.js';
import { STOP, type VerbHost, type VerbOutcome } from './verb-host.js';

type PartyNoun = Extract<DialNoun, { noun: 'Number' | 'Sip' }>;

/** `<Dial>`: Conference and Queue have their own runs; numbers and SIP URIs ring in parallel. */
export async function runDial(verb: DialVerb, host: VerbHost): Promise<VerbOutcome> {
  const first = verb.nouns[0];
  if (first?.noun === 'Conference') return runConference(verb, first, host);
  if (first?.noun === 'Queue') return runDialQueue(verb, first, host);
  const parties = verb.nouns.filter(
    (noun): noun is PartyNoun => noun.noun === 'Number' || noun.noun === 'Sip',
  );
  return runDialParties(verb, parties, host);
}

/**
 * Each number becomes an outgoing leg whose far end follows the test-number table. The first
 * to answer is bridged to the caller; the others are hung up. The Dial ends when either side
 * hangs up, on `*` with `hangupOnStar`, or at `timeLimit`.
 */
async function runDialParties(
  verb: DialVerb,
  parties: readonly PartyNoun[],
  host: VerbHost,
): Promise<VerbOutcome> {
  const since = host.mark();
  const legs = await Promise.all(parties.map((noun) => host.calls.dialLeg(host.leg, noun, verb)));
  const ringing = verb.record.startsWith('record-from-ringing');
  const recording = ringing ? await startDialRecording(verb, host) : null;
  const winner = await raceParent(host, since, firstAnswer(legs));
  for (const leg of legs) if (leg !== winner) await leg.command({ name: 'hangup' });
  if (winner === 'stop') return STOP;
  const answeredAt = winner?.record.answeredAt ?? null;
  const recordingId =
    recording ??
    (winner !== null && verb.record !== 'do-not-record'
      ? await startDialRecording(verb, host)
      : null);
  if (winner !== null) await bridgeUntilDone(verb, host, winner);
  if (host.leg.events.ended) return STOP;
  const recordingUrl = recordingId === null ? null : await stopDialRecording(host);
  const result: DialResult = {
    status: winner === null ? failedStatus(legs) : 'completed',
    dialCallSid: winner?.record.sid ?? legs[0]?.record.sid ?? null,
    durationSecs:
      answeredAt === null
        ? 0
        : Math.floor(((winner?.record.endedAt ?? host.now()) - answeredAt) / 1000),
    recordingUrl,
  };
  return dialAction(verb, result);
}

function firstAnswer(legs: readonly TexmlLeg[]): Promise<TexmlLeg | null> {
  return new Promise((resolve) => {
    let left = legs.length;
    if (left === 0) resolve(null);
    for (const leg of legs)
      void leg.events
        .until(0, (event) => event.type === 'call.answered')
        .then((result) => {
          if (result.kind === 'event') resolve(leg);
          else if (--left === 0) resolve(null);
        });
  });
}

async function bridgeUntilDone(verb: DialVerb, host: VerbHost, winner: TexmlLeg): Promise<void> {
  const peer = await host.calls.find(host.leg.record.accountId, winner.record.sid);
  if (peer === null) return;
  const since = host.mark();
  await host.command({ name: 'bridge', peer, parkAfterUnbridge: true });
  const ended = winner.events.until(0, () => false);
  const star = host.until(
    since,
    (event) =>
      verb.hangupOnStar && event.type === 'call.dtmf.received' && event.payload['digit'] === '*',
    verb.timeLimitSecs * host.settings.secondMs,
  );
  const first = await Promise.race([
    ended.then(() => 'leg' as const),
    star.then((result) => result.kind),
  ]);
  if (first !== 'leg' && first !== 'ended') await winner.command({ name: 'hangup' });
  await winner.events.until(0, () => false);
}

async function startDialRecording(verb: DialVerb, host: VerbHost): Promise<string | null> {
  const id = host.newId();
  const channels = verb.record.endsWith('-dual') ? 'dual' : 'single';
  const ok = await host.command({
    name: 'record_start',
    recording: { id, channels, format: 'mp3', startedAt: 0 },
  });
  return ok ? id : null;
}

async function stopDialRecording(host: VerbHost): Promise<string | null> {
  const since = host.mark();
  await host.command({ name: 'record_stop' });
  const saved = await host.until(since, (event) => event.type === 'call.recording.saved', null);
  if (saved.kind !== 'event') return null;
  const url = recordingUrl(saved.event.payload['recording_urls']);
  return url === '' ? null : url;
}

/** No leg answered: the first leg's ending stands for the Dial (busy, no-answer, failed). */
function failedStatus(legs: readonly TexmlLeg[]): string {
  const status = legs[0]?.record.status;
  return status === undefined || status === 'completed' || status === 'in-progress'
    ? 'failed'
    : status;
}
