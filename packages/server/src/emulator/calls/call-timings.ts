/** Every delay the emulator invents, in ms. Tests pass small values; the server uses these defaults. */
export interface CallTimings {
  /** Ringing before a human or machine far end answers. */
  readonly answerDelayMs: number;
  /** Ringing before a busy or rejecting far end hangs up. */
  readonly failDelayMs: number;
  /** After answer, until answering-machine detection reports. */
  readonly amdDelayMs: number;
  /** After answer, until a machine's greeting ends (and its beep, if any, sounds). */
  readonly greetingMs: number;
  /** Speaking rate used to size `speak` (text-to-speech) prompts. */
  readonly wordsPerMinute: number;
  /** Length of a played audio file without a `duration` hint. */
  readonly playbackMs: number;
}

export const DEFAULT_TIMINGS: CallTimings = {
  answerDelayMs: 1000,
  failDelayMs: 500,
  amdDelayMs: 2000,
  greetingMs: 4000,
  wordsPerMinute: 150,
  playbackMs: 3000,
};

const MIN_SPEAK_MS = 200;

/** How long speaking `text` takes at the configured rate; SSML tags are not words. */
export function speakDurationMs(text: string, timings: CallTimings): number {
  const words = text
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '').length;
  return Math.max(MIN_SPEAK_MS, Math.round((words * 60_000) / timings.wordsPerMinute));
}

/**
 * How long playing `audioUrl` takes: a `duration` query parameter (seconds) on the URL wins,
 * because the emulator never downloads the file; otherwise the configured default.
 */
export function playbackDurationMs(audioUrl: string | null, timings: CallTimings): number {
  if (audioUrl === null || !URL.canParse(audioUrl)) return timings.playbackMs;
  const hint = Number(new URL(audioUrl).searchParams.get('duration') ?? Number.NaN);
  return Number.isFinite(hint) && hint > 0 ? Math.round(hint * 1000) : timings.playbackMs;
}
