import { playbackDurationMs, speakDurationMs } from '../calls/call-timings.js';
import type { MediaItem } from '../calls/call-state.js';
import { NEXT, STOP, type VerbHost, type VerbOutcome } from './verb-host.js';
import type { PauseVerb, PlayVerb, Prompt, SayVerb } from './texml-verbs.js';

/** `loop="0"` repeats until the call ends; the longest call lasts 4 h. */
const FOREVER_MS = 4 * 3600 * 1000;

/** How long a prompt takes: speech at the configured rate, audio by its `duration` hint. */
export function promptMs(prompt: Prompt, host: VerbHost): number {
  if (prompt.verb === 'Pause') return prompt.lengthSecs * host.settings.secondMs;
  const once =
    prompt.verb === 'Say'
      ? speakDurationMs(prompt.text, host.timings)
      : prompt.digits !== null && prompt.url === ''
        ? 0
        : playbackDurationMs(prompt.url, host.timings);
  return prompt.loop === 0 ? FOREVER_MS : once * prompt.loop;
}

/** `<Say>`: a Call Control speak; the verb ends with `call.speak.ended`. */
export async function runSay(verb: SayVerb, host: VerbHost): Promise<VerbOutcome> {
  return playItem(host, {
    kind: 'speak',
    durationMs: promptMs(verb, host),
    mediaUrl: null,
    mediaName: null,
    overlay: false,
    speech: { text: verb.text, voice: verb.voice, language: verb.language },
  });
}

/** `<Play>`: audio as a playback, or `digits` sent to the far end (which takes no time). */
export async function runPlay(verb: PlayVerb, host: VerbHost): Promise<VerbOutcome> {
  if (verb.digits !== null) {
    if (!(await host.command({ name: 'send_dtmf' }))) return STOP;
    if (verb.url === '') return NEXT;
  }
  return playItem(host, {
    kind: 'playback',
    durationMs: promptMs({ ...verb, digits: null }, host),
    mediaUrl: verb.url,
    mediaName: null,
    overlay: false,
    speech: null,
  });
}

export async function runPause(verb: PauseVerb, host: VerbHost): Promise<VerbOutcome> {
  const waited = await host.sleep(verb.lengthSecs * host.settings.secondMs);
  return waited.kind === 'timeout' ? NEXT : STOP;
}

async function playItem(host: VerbHost, item: MediaItem): Promise<VerbOutcome> {
  const since = host.mark();
  if (!(await host.command({ name: item.kind === 'speak' ? 'speak' : 'playback_start', item })))
    return STOP;
  const ended = item.kind === 'speak' ? 'call.speak.ended' : 'call.playback.ended';
  const result = await host.until(since, (event) => event.type === ended);
  if (result.kind === 'interrupted') await host.command({ name: 'playback_stop', stop: 'all' });
  return result.kind === 'event' ? NEXT : STOP;
}
