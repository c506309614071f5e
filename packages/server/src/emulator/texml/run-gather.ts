import type { GatherState, SpeechText } from '../calls/call-state.js';
import { promptMs } from './run-media-verbs.js';
import type { GatherVerb } from './texml-verbs.js';
import { NEXT, STOP, type VerbHost, type VerbOutcome } from './verb-host.js';

/** What a Gather heard. */
interface Heard {
  readonly digits: string;
  readonly speech: string | null;
}

/**
 * `<Gather>` on the Call Control gather: nested Say/Play/Pause are its prompt (digits barge
 * in), `timeout` counts from the prompt's end and between digits, `numDigits` fixes the
 * count, `finishOnKey` ends early. With `input` speech, the first far-end utterance is the
 * result. Input goes to `action` (default: this document's URL) with the application's
 * method; no input goes on to the next verb, unless `actionOnEmptyResult`.
 */
export async function runGather(verb: GatherVerb, host: VerbHost): Promise<VerbOutcome> {
  const since = host.mark();
  if (verb.speech) await host.command({ name: 'transcription_start' });
  if (!(await host.command({ name: 'gather', gather: gatherState(verb, host) }))) return STOP;
  await host.farEndListens();
  const heard = await listen(verb, host, since);
  if (verb.speech) await host.command({ name: 'transcription_stop' });
  if (heard === null) return STOP;
  if (heard.digits === '' && heard.speech === null && !verb.actionOnEmptyResult) return NEXT;
  return {
    kind: 'fetch',
    target: { url: verb.action ?? host.documentUrl, method: verb.method ?? host.appMethod },
    params: {
      Digits: heard.digits,
      ...(heard.speech === null ? {} : { SpeechResult: heard.speech, Confidence: '0.98' }),
    },
  };
}

async function listen(verb: GatherVerb, host: VerbHost, since: number): Promise<Heard | null> {
  const result = await host.until(
    since,
    (event) =>
      event.type === 'call.gather.ended' || (verb.speech && event.type === 'call.transcription'),
  );
  if (result.kind !== 'event') {
    if (result.kind === 'interrupted') await host.command({ name: 'gather_stop' });
    return null;
  }
  const { event } = result;
  if (event.type === 'call.gather.ended') {
    const digits = event.payload['digits'];
    return { digits: typeof digits === 'string' ? digits : '', speech: null };
  }
  await host.command({ name: 'gather_stop' });
  const data = event.payload['transcription_data'] as { transcript?: unknown } | undefined;
  return { digits: '', speech: typeof data?.transcript === 'string' ? data.transcript : '' };
}

function gatherState(verb: GatherVerb, host: VerbHost): GatherState {
  const waitMs = verb.timeoutSecs * host.settings.secondMs;
  const promptTotal = verb.prompts.reduce((sum, prompt) => sum + promptMs(prompt, host), 0);
  return {
    digits: '',
    minimum: verb.numDigits ?? verb.minDigits,
    maximum: verb.numDigits ?? verb.maxDigits,
    terminator: verb.dtmf ? verb.finishOnKey : '',
    // Speech-only gathers take no digits.
    validDigits: verb.dtmf ? verb.validDigits : '',
    initialMs: waitMs,
    interDigitMs: waitMs,
    deadline: null,
    timeoutMs: 3600 * host.settings.secondMs,
    triesLeft: 1,
    prompt:
      verb.prompts.length === 0
        ? null
        : {
            kind: 'speak',
            durationMs: promptTotal,
            mediaUrl: null,
            mediaName: null,
            overlay: false,
            speech: spokenPrompt(verb),
          },
    collecting: false,
  };
}

/** The words of a Gather's nested `<Say>`s, for the call's audio; null when it only plays. */
function spokenPrompt(verb: GatherVerb): SpeechText | null {
  const says = verb.prompts.flatMap((prompt) => (prompt.verb === 'Say' ? [prompt] : []));
  const [first] = says;
  if (first === undefined) return null;
  const text = says.map((say) => say.text).join(' ');
  return { text, voice: first.voice, language: first.language };
}
