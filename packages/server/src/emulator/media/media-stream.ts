import type { LookupFunction } from 'node:net';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import WebSocket from 'ws';
import type { Pcm } from './call-pcm.js';
import { decodePayload, encodePayload, mediaFormat } from './stream-codec.js';
import { sendsTrack, type StreamSpec } from './stream-spec.js';

/** How the stream reaches the app: the engine's egress guard and extra CAs. */
export interface StreamConnectOptions {
  readonly lookup?: LookupFunction;
  readonly ca?: string | readonly string[];
  /** How long the WebSocket handshake may take before the stream has failed. */
  readonly handshakeTimeoutMs?: number;
}

/** What the app sent back, already decoded; the call audio decides what to do with it. */
export interface StreamListener {
  media(samples: Pcm): void;
  /** An MP3 file (mp3 mode), still encoded. */
  mp3(file: Buffer): void;
  mark(name: string): void;
  clear(): void;
  /** The socket closed or broke before `stop`; `reason` is Telnyx's `failure_reason`. */
  dropped(reason: string): void;
}

/** Frames an app may send at most per second before it is told `rate_limit_reached`. */
const MAX_APP_FRAMES_PER_SECOND = 200;
const MAX_APP_FRAME_BYTES = 1 << 20;

/**
 * One Telnyx media stream: the WebSocket to `stream_url` and the frames of Telnyx's protocol.
 * Numbers that the protocol carries as strings (`sequence_number`, `chunk`, `timestamp`) are
 * sent as strings. Timestamps are milliseconds since the stream started.
 */
export class MediaStream {
  readonly spec: StreamSpec;
  readonly #socket: WebSocket;
  readonly #listener: StreamListener;
  readonly #startedAt: number;
  #sequence = 0;
  readonly #chunks = { inbound: 0, outbound: 0 };
  #stopped = false;
  #windowStart = 0;
  #windowFrames = 0;

  private constructor(spec: StreamSpec, socket: WebSocket, listener: StreamListener, now: number) {
    this.spec = spec;
    this.#socket = socket;
    this.#listener = listener;
    this.#startedAt = now;
    socket.on('message', (data, isBinary) => {
      this.#received(data, isBinary);
    });
    socket.on('close', () => {
      this.#closed('connection_closed');
    });
    socket.on('error', () => {
      this.#closed('connection_failed');
    });
  }

  /** Opens the socket and sends `connected` and `start`; the reason on failure. */
  static open(
    spec: StreamSpec,
    listener: StreamListener,
    options: StreamConnectOptions = {},
  ): Promise<MediaStream | { readonly failed: string }> {
    return new Promise((resolve) => {
      let socket: WebSocket;
      try {
        socket = new WebSocket(spec.url, {
          handshakeTimeout: options.handshakeTimeoutMs ?? 10_000,
          headers:
            spec.authToken === null ? {} : { 'x-telnyx-streaming-auth-token': spec.authToken },
          maxPayload: MAX_APP_FRAME_BYTES,
          ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
          ...(options.ca === undefined ? {} : { ca: options.ca as string[] }),
        });
      } catch {
        resolve({ failed: 'connection_failed' });
        return;
      }
      const fail = (): void => {
        resolve({ failed: 'connection_failed' });
      };
      socket.once('error', fail);
      socket.once('unexpected-response', () => {
        socket.terminate();
        fail();
      });
      socket.once('open', () => {
        socket.off('error', fail);
        const stream = new MediaStream(spec, socket, listener, Date.now());
        stream.#begin();
        resolve(stream);
      });
    });
  }

  get open(): boolean {
    return !this.#stopped && this.#socket.readyState === WebSocket.OPEN;
  }

  /** One frame of the call's audio on `track`, if the stream carries that track. */
  sendMedia(track: 'inbound' | 'outbound', samples: Pcm): void {
    if (!sendsTrack(this.spec, track)) return;
    this.#chunks[track] += 1;
    this.#send({
      event: 'media',
      sequence_number: this.#nextSequence(),
      stream_id: this.spec.streamId,
      media: {
        track,
        chunk: String(this.#chunks[track]),
        timestamp: String(Date.now() - this.#startedAt),
        payload: encodePayload(samples, this.spec.codec).toString('base64'),
      },
    });
  }

  sendDtmf(digit: string): void {
    this.#send({
      event: 'dtmf',
      sequence_number: this.#nextSequence(),
      stream_id: this.spec.streamId,
      occurred_at: new Date().toISOString(),
      dtmf: { digit },
    });
  }

  /** Echoes a mark once the audio queued before it has played. */
  sendMark(name: string): void {
    this.#send({
      event: 'mark',
      sequence_number: this.#nextSequence(),
      stream_id: this.spec.streamId,
      mark: { name },
    });
  }

  /** `stop`, then a normal close. Safe to call more than once. */
  stop(): void {
    if (this.#stopped) return;
    this.#send({
      event: 'stop',
      sequence_number: this.#nextSequence(),
      stream_id: this.spec.streamId,
      stop: { user_id: this.spec.accountId, call_control_id: this.spec.callControlId },
    });
    this.#stopped = true;
    this.#socket.close(1000);
  }

  #begin(): void {
    this.#send({ event: 'connected', version: '1.0.0' });
    const { spec } = this;
    this.#send({
      event: 'start',
      sequence_number: this.#nextSequence(),
      stream_id: spec.streamId,
      start: {
        user_id: spec.accountId,
        call_control_id: spec.callControlId,
        call_session_id: spec.callSessionId,
        from: spec.from,
        to: spec.to,
        tags: [],
        ...(spec.clientState === null ? {} : { client_state: spec.clientState }),
        custom_parameters: spec.customParameters,
        media_format: mediaFormat(spec.codec),
      },
    });
  }

  #nextSequence(): string {
    this.#sequence += 1;
    return String(this.#sequence);
  }

  #send(frame: Record<string, unknown>): void {
    if (this.#stopped || this.#socket.readyState !== WebSocket.OPEN) return;
    this.#socket.send(JSON.stringify(frame));
  }

  #closed(reason: string): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#listener.dropped(reason);
  }

  #received(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.#stopped) return;
    if (this.#overRate()) {
      this.#error(100005, 'rate_limit_reached', 'Too many frames; at most 200 a second.');
      return;
    }
    const frame = isBinary ? null : parseFrame(data);
    if (frame === null) {
      this.#error(100003, 'malformed_frame', 'Frames must be JSON text with an "event".');
      return;
    }
    this.#dispatch(frame);
  }

  #dispatch(frame: AppFrame): void {
    if (frame.event === 'clear') this.#listener.clear();
    else if (frame.event === 'mark') this.#listener.mark(frame.name);
    else if (this.spec.bidirectional === null) {
      this.#error(100003, 'malformed_frame', 'This stream is not bidirectional; media is ignored.');
    } else this.#media(frame.payload);
  }

  #media(payload: string): void {
    const bytes = Buffer.from(payload, 'base64');
    const bidirectional = this.spec.bidirectional;
    if (bidirectional === null) return;
    if (bytes.length === 0 || bytes.toString('base64') !== payload.replace(/\s/g, '')) {
      this.#error(100004, 'invalid_media', 'The media payload is not valid base64.');
      return;
    }
    if (bidirectional.mode === 'mp3') this.#listener.mp3(bytes);
    else this.#listener.media(decodePayload(bytes, bidirectional.codec, bidirectional.rate));
  }

  #error(code: number, title: string, detail: string): void {
    this.#send({ event: 'error', stream_id: this.spec.streamId, payload: { code, title, detail } });
  }

  #overRate(): boolean {
    const now = Date.now();
    if (now - this.#windowStart >= 1000) {
      this.#windowStart = now;
      this.#windowFrames = 0;
    }
    this.#windowFrames += 1;
    return this.#windowFrames > MAX_APP_FRAMES_PER_SECOND;
  }
}

/** The frames Telnyx accepts from the app on a media stream. */
const AppFrameMessage = Type.Union([
  Type.Object({ event: Type.Literal('clear') }),
  Type.Object({ event: Type.Literal('mark'), mark: Type.Object({ name: Type.String() }) }),
  Type.Object({ event: Type.Literal('media'), media: Type.Object({ payload: Type.String() }) }),
]);

const appFrameMessage = Compile(AppFrameMessage);

type AppFrame =
  | { readonly event: 'clear' }
  | { readonly event: 'mark'; readonly name: string }
  | { readonly event: 'media'; readonly payload: string };

/** The app's frame, or null when it is not one of the three Telnyx accepts. */
export function parseFrame(data: WebSocket.RawData): AppFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(rawText(data));
  } catch {
    return null;
  }
  if (!appFrameMessage.Check(value)) return null;
  if (value.event === 'clear') return { event: 'clear' };
  if (value.event === 'mark') return { event: 'mark', name: value.mark.name };
  return { event: 'media', payload: value.media.payload };
}

function rawText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
