import type { Pcm } from './call-pcm.js';
import { CALL_RATE, mixInto } from './call-pcm.js';

/** A recording's audio once it stops: each side, sample-aligned. */
export interface RecordedAudio {
  readonly inbound: Pcm;
  readonly outbound: Pcm;
}

/** Collects both sides of a call, frame by frame, while a recording runs. Bounded in length. */
export class CallRecorder {
  readonly #inbound: Pcm[] = [];
  readonly #outbound: Pcm[] = [];
  #samples = 0;
  readonly #maxSamples: number;

  /** `maxSeconds` bounds memory: Telnyx recordings end at 4 hours; here at this many seconds. */
  constructor(maxSeconds = 3600) {
    this.#maxSamples = maxSeconds * CALL_RATE;
  }

  append(inbound: Pcm, outbound: Pcm): void {
    if (this.#samples >= this.#maxSamples) return;
    this.#inbound.push(inbound);
    this.#outbound.push(outbound);
    this.#samples += inbound.length;
  }

  finish(): RecordedAudio {
    return {
      inbound: join(this.#inbound, this.#samples),
      outbound: join(this.#outbound, this.#samples),
    };
  }
}

function join(chunks: readonly Pcm[], length: number): Pcm {
  const out = new Int16Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Both sides in one channel, as `channels: single` records them. */
export function mixed(audio: RecordedAudio): Pcm {
  const out = Int16Array.from(audio.inbound);
  mixInto(out, audio.outbound);
  return out;
}
