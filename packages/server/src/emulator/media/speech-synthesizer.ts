import { CALL_RATE, type Pcm } from './call-pcm.js';
import type { AudioThread } from './audio-thread.js';

/** Longest text spoken in one go; Telnyx's `speak` payload allows 3,000 characters. */
export const MAX_SPEECH_CHARS = 3000;

/** A phrase to say: plain text (SSML tags are dropped) in an eSpeak-NG voice. */
export interface Utterance {
  readonly text: string;
  readonly voice: string;
}

export interface SpeechSynthesizerOptions {
  /** Phrases kept after synthesis; IVR prompts repeat, so most calls hit the cache. */
  readonly cacheSize?: number;
}

/**
 * Text to speech with eSpeak-NG (WebAssembly, from npm) on the audio thread, so a long prompt
 * never holds up the API's event loop. Results are 8 kHz PCM, cached by text and voice.
 */
export class SpeechSynthesizer {
  readonly #cache = new Map<string, Promise<Pcm>>();
  readonly #cacheSize: number;
  readonly #thread: AudioThread;

  constructor(thread: AudioThread, options: SpeechSynthesizerOptions = {}) {
    this.#thread = thread;
    this.#cacheSize = options.cacheSize ?? 256;
  }

  synthesize(utterance: Utterance): Promise<Pcm> {
    const text = plainText(utterance.text);
    const key = `${utterance.voice}\u0000${text}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    const result =
      text === ''
        ? Promise.resolve(new Int16Array(0))
        : this.#thread.speak(text, utterance.voice, CALL_RATE);
    this.#remember(key, result);
    return result;
  }

  #remember(key: string, result: Promise<Pcm>): void {
    this.#cache.set(key, result);
    result.catch(() => this.#cache.delete(key));
    if (this.#cache.size <= this.#cacheSize) return;
    const oldest = this.#cache.keys().next().value;
    if (oldest !== undefined) this.#cache.delete(oldest);
  }
}

/** What eSpeak should say: SSML tags removed, whitespace folded, length bounded. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SPEECH_CHARS);
}

/**
 * The eSpeak-NG voice for Telnyx's `voice` and `language`: the language picks the voice
 * (en-US → en-us), `female` picks eSpeak's female variant. Provider voices such as
 * `Polly.Joanna` or `Telnyx.KokoroTTS.af` keep the language and sound like eSpeak.
 */
export function espeakVoice(voice: string | null, language: string | null): string {
  const lang = (language ?? 'en-US').toLowerCase();
  const base = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(lang) ? lang : 'en-us';
  return voice?.toLowerCase() === 'female' ? `${base}+f3` : base;
}
