import type { Pcm } from './call-pcm.js';

type Entry =
  | { readonly kind: 'audio'; readonly samples: Pcm }
  | { readonly kind: 'mark'; readonly name: string };

/** One frame's worth read from a queue, and the marks that its audio reached. */
export interface QueueRead {
  readonly samples: Pcm;
  readonly marks: readonly string[];
}

/**
 * Audio waiting to be played, in order, with marks between clips. Reading takes a frame at a
 * time and pads with silence, so a queue that runs dry simply falls quiet.
 */
export class ClipQueue {
  readonly #entries: Entry[] = [];
  #offset = 0;
  #queuedSamples = 0;

  push(samples: Pcm): void {
    if (samples.length === 0) return;
    this.#entries.push({ kind: 'audio', samples });
    this.#queuedSamples += samples.length;
  }

  pushMark(name: string): void {
    this.#entries.push({ kind: 'mark', name });
  }

  /** Samples still to play. */
  get queuedSamples(): number {
    return this.#queuedSamples - this.#offset;
  }

  read(count: number): QueueRead {
    const samples = new Int16Array(count);
    const marks: string[] = [];
    let filled = 0;
    while (this.#entries.length > 0) {
      const head = this.#entries[0];
      if (head === undefined) break;
      if (head.kind === 'mark') {
        marks.push(head.name);
        this.#entries.shift();
        continue;
      }
      if (filled === count) break;
      const take = Math.min(count - filled, head.samples.length - this.#offset);
      samples.set(head.samples.subarray(this.#offset, this.#offset + take), filled);
      filled += take;
      this.#offset += take;
      if (this.#offset === head.samples.length) this.#drop(head.samples.length);
    }
    return { samples, marks };
  }

  /** Drops everything queued; returns the marks that will now never be reached. */
  clear(): string[] {
    const marks = this.#entries.flatMap((entry) => (entry.kind === 'mark' ? [entry.name] : []));
    this.#entries.length = 0;
    this.#offset = 0;
    this.#queuedSamples = 0;
    return marks;
  }

  #drop(length: number): void {
    this.#entries.shift();
    this.#queuedSamples -= length;
    this.#offset = 0;
  }
}
