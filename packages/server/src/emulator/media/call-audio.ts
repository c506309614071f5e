import { FRAME_SAMPLES, mixInto, type Pcm } from './call-pcm.js';
import type { CallRecorder } from './call-recorder.js';
import { ClipQueue } from './clip-queue.js';
import type { MediaStream } from './media-stream.js';

/** A far-end listener (the dashboard's softphone). */
export interface AudioListener {
  hear(frame: Pcm): void;
  /** The call ended: nothing more will be heard. */
  ended(): void;
}

/**
 * The sound of one call, 20 ms at a time. `inbound` is what the far end says (its speech, its
 * key tones); `outbound` is what the call plays to it: prompts (speak, playback) mixed with
 * the audio an app streams back. A media stream gets both tracks, a recording both sides.
 */
export class CallAudio {
  readonly farEnd = new ClipQueue();
  readonly prompt = new ClipQueue();
  readonly appAudio = new ClipQueue();
  stream: MediaStream | null = null;
  recorder: CallRecorder | null = null;
  /** Softphones listening as the far end: each hears what the call plays to it. */
  readonly listeners = new Set<AudioListener>();
  /** When the next frame is due, epoch ms; the clock catches up after a late tick. */
  nextFrameAt: number;

  constructor(now: number) {
    this.nextFrameAt = now;
  }

  /** Whether anything listens: a call with neither stream nor recording makes no frames. */
  get active(): boolean {
    return this.stream !== null || this.recorder !== null || this.listeners.size > 0;
  }

  frame(): void {
    const inbound = this.farEnd.read(FRAME_SAMPLES).samples;
    const outbound = this.prompt.read(FRAME_SAMPLES).samples;
    const app = this.appAudio.read(FRAME_SAMPLES);
    mixInto(outbound, app.samples);
    const stream = this.stream;
    if (stream !== null) {
      stream.sendMedia('inbound', inbound);
      stream.sendMedia('outbound', outbound);
      for (const mark of app.marks) stream.sendMark(mark);
    }
    this.recorder?.append(inbound, outbound);
    for (const listener of this.listeners) listener.hear(outbound);
  }

  /** `clear` from the app: its queued audio stops, and every pending mark comes back now. */
  clearAppAudio(): void {
    const marks = this.appAudio.clear();
    for (const mark of marks) this.stream?.sendMark(mark);
  }

  /** A mark after what the app queued so far; echoed at once when nothing is queued. */
  markAppAudio(name: string): void {
    if (this.appAudio.queuedSamples === 0) this.stream?.sendMark(name);
    else this.appAudio.pushMark(name);
  }

  playToFarEnd(samples: Pcm): void {
    this.appAudio.push(samples);
  }
}
