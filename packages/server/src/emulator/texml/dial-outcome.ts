import type { DialVerb } from './texml-verbs.js';
import { NEXT, type VerbHost, type VerbOutcome } from './verb-host.js';

/** The result a `<Dial>` reports to its action URL. */
export interface DialResult {
  readonly status: string;
  readonly dialCallSid: string | null;
  readonly durationSecs: number;
  readonly recordingUrl: string | null;
}

/** The Dial's action request, or the next verb when it has no action. */
export function dialAction(verb: DialVerb, result: DialResult): VerbOutcome {
  if (verb.action === null) return NEXT;
  return {
    kind: 'fetch',
    target: verb.action,
    params: {
      DialCallStatus: result.status,
      DialCallDuration: String(result.durationSecs),
      ...(result.dialCallSid === null
        ? {}
        : { DialCallSid: result.dialCallSid, DialCallSidLegacy: result.dialCallSid }),
      ...(result.recordingUrl === null ? {} : { RecordingUrl: result.recordingUrl }),
    },
  };
}

/** Settles with `work`'s value, or `stop` when the caller hangs up or the call is redirected. */
export async function raceParent<T>(
  host: VerbHost,
  since: number,
  work: Promise<T>,
): Promise<T | 'stop'> {
  const done = new AbortController();
  const parent = host.until(since, () => false, null, done.signal);
  const outcome = await Promise.race([
    work.then((value) => ({ value })),
    parent.then(() => 'stop' as const),
  ]);
  done.abort();
  return outcome === 'stop' ? 'stop' : outcome.value;
}
