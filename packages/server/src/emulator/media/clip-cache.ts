import type { Pcm } from './call-pcm.js';

/**
 * Decoded audio files by URL, so a playback is fetched once to learn its length and played
 * from memory. Bounded by total samples; the least recently used files go first. A failed
 * fetch is not kept, so the next playback tries again.
 */
export class ClipCache {
  readonly #clips = new Map<string, Promise<Pcm>>();
  readonly #sizes = new Map<string, number>();
  readonly #maxSamples: number;
  #samples = 0;

  constructor(maxSamples = 8000 * 60 * 30) {
    this.#maxSamples = maxSamples;
  }

  get(key: string, load: () => Promise<Pcm>): Promise<Pcm> {
    const cached = this.#clips.get(key);
    if (cached !== undefined) {
      this.#clips.delete(key);
      this.#clips.set(key, cached);
      return cached;
    }
    const loading = load();
    this.#clips.set(key, loading);
    loading.then(
      (samples) => {
        this.#sized(key, samples.length);
      },
      () => this.#clips.delete(key),
    );
    return loading;
  }

  #sized(key: string, samples: number): void {
    if (!this.#clips.has(key)) return;
    this.#sizes.set(key, samples);
    this.#samples += samples;
    for (const oldest of this.#clips.keys()) {
      if (this.#samples <= this.#maxSamples || oldest === key) break;
      this.#clips.delete(oldest);
      this.#samples -= this.#sizes.get(oldest) ?? 0;
      this.#sizes.delete(oldest);
    }
  }
}
