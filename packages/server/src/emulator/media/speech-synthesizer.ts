import { Worker } from 'node:worker_threads';
import { CALL_RATE, type Pcm } from './call-pcm.js';
import { SPEECH_WORKER_SOURCE } from './speech-worker-source.js';

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

interface Pending {
  readonly resolve: (samples: Pcm) => void;
  readonly reject: (error: Error) => void;
}

type Reply =
  | { readonly id: number; readonly samples: Int16Array }
  | { readonly id: number; readonly error: string };

/**
 * Text to speech with eSpeak-NG (WebAssembly, from npm) on a thread of its own, so a long
 * prompt never holds up the API's event loop. Results are 8 kHz PCM, cached by text and voice.
 * The thread starts on first use and does not keep the process alive.
 */
export class SpeechSynthesizer {
  readonly #cache = new Map<string, Promise<Pcm>>();
  readonly #cacheSize: number;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  #nextId = 1;

  constructor(options: SpeechSynthesizerOptions = {}) {
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
      text === '' ? Promise.resolve(new Int16Array(0)) : this.#request(text, utterance.voice);
    this.#remember(key, result);
    return result;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) await worker.terminate();
  }

  #remember(key: string, result: Promise<Pcm>): void {
    this.#cache.set(key, result);
    result.catch(() => this.#cache.delete(key));
    if (this.#cache.size <= this.#cacheSize) return;
    const oldest = this.#cache.keys().next().value;
    if (oldest !== undefined) this.#cache.delete(oldest);
  }

  #request(text: string, voice: string): Promise<Pcm> {
    const id = this.#nextId++;
    return new Promise<Pcm>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#thread().postMessage({ id, text, voice, rate: CALL_RATE });
    });
  }

  #thread(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(SPEECH_WORKER_SOURCE, {
      eval: true,
      workerData: {
        espeakUrl: import.meta.resolve('espeak-ng'),
        wavefileUrl: import.meta.resolve('wavefile'),
      },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      this.#settle(reply);
    });
    worker.on('error', (error) => {
      this.#failAll(error);
    });
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
      this.#failAll(new Error('the speech thread exited'));
    });
    this.#worker = worker;
    return worker;
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if ('error' in reply) pending.reject(new Error(`speech synthesis failed: ${reply.error}`));
    else pending.resolve(reply.samples);
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
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
