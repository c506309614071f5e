import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';

/** The call's audio format: 16-bit little-endian PCM, 8 kHz, as the server sends and takes it. */
const RATE = 8000;
const FRAME_SAMPLES = 160;
/** Played audio is scheduled this far ahead, to ride over network and timer jitter. */
const JITTER_S = 0.08;

export type AudioLinkState = 'listening' | 'talking' | 'closed';

/**
 * The softphone's line into a call: it plays what the call says to the far end and, when the
 * browser lets it use the microphone, sends the user's voice in as the far end's. Everything
 * runs at 8 kHz; the browser resamples the microphone and the speakers.
 */
export class CallAudioLink {
  readonly #context: AudioContext;
  readonly #socket: WebSocket;
  readonly #pending: number[] = [];
  #playAt = 0;
  #microphone: MediaStream | null = null;

  private constructor(context: AudioContext, socket: WebSocket) {
    this.#context = context;
    this.#socket = socket;
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
      this.#play(new Int16Array(event.data));
    });
  }

  /** Joins the call's audio; the state says whether the microphone is in use. */
  static async open(
    api: ApiClient,
    callId: string,
    onClosed: () => void,
  ): Promise<{ link: CallAudioLink; state: AudioLinkState } | { error: string }> {
    const ticket = await api.call('createCallAudioTicket', {
      params: { call_control_id: callId },
    });
    if (!ticket.ok) return { error: errorText(ticket) };
    const context = new AudioContext({ sampleRate: RATE });
    const socket = new WebSocket(socketUrl(ticket.data.url));
    const opened = await new Promise<boolean>((resolve) => {
      socket.addEventListener(
        'open',
        () => {
          resolve(true);
        },
        { once: true },
      );
      socket.addEventListener(
        'error',
        () => {
          resolve(false);
        },
        { once: true },
      );
    });
    if (!opened) {
      await context.close();
      return { error: 'The call audio could not be joined.' };
    }
    const link = new CallAudioLink(context, socket);
    socket.addEventListener('close', () => {
      void link.close().then(onClosed);
    });
    const talking = await link.#talk();
    return { link, state: talking ? 'talking' : 'listening' };
  }

  async close(): Promise<void> {
    if (this.#socket.readyState <= WebSocket.OPEN) this.#socket.close();
    for (const track of this.#microphone?.getTracks() ?? []) track.stop();
    this.#microphone = null;
    if (this.#context.state !== 'closed') await this.#context.close();
  }

  #play(samples: Int16Array): void {
    const buffer = this.#context.createBuffer(1, samples.length, RATE);
    buffer.getChannelData(0).set(Float32Array.from(samples, (sample) => sample / 32768));
    const source = this.#context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.#context.destination);
    const now = this.#context.currentTime;
    if (this.#playAt < now) this.#playAt = now + JITTER_S;
    source.start(this.#playAt);
    this.#playAt += buffer.duration;
  }

  /** The microphone, if the browser grants it; without it the link only listens. */
  async #talk(): Promise<boolean> {
    try {
      this.#microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
      await this.#context.audioWorklet.addModule(
        new URL('./mic-capture.worklet.js', import.meta.url),
      );
    } catch {
      return false;
    }
    const input = this.#context.createMediaStreamSource(this.#microphone);
    const tap = new AudioWorkletNode(this.#context, 'mic-capture');
    tap.port.onmessage = (event: MessageEvent<Float32Array>) => {
      this.#capture(event.data);
    };
    input.connect(tap);
    return true;
  }

  #capture(block: Float32Array): void {
    for (const value of block) this.#pending.push(value);
    while (this.#pending.length >= FRAME_SAMPLES) {
      const frame = this.#pending.splice(0, FRAME_SAMPLES);
      const pcm = Int16Array.from(frame, (value) => Math.max(-1, Math.min(1, value)) * 32767);
      if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(pcm.buffer);
    }
  }
}

function socketUrl(path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
