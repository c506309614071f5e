import type { CallInput, Effect, MediaEvent } from '../calls/call-input.js';
import type { CallState, MediaItem } from '../calls/call-state.js';
import { Agent } from 'undici';
import { AudioDecodeError, decodeAudioFile } from './audio-decoder.js';
import { ClipCache } from './clip-cache.js';
import { audioFetcher } from './audio-fetcher.js';
import { CallAudio, type AudioListener } from './call-audio.js';
import { FRAME_MS, durationMs, type Pcm } from './call-pcm.js';
import { CallRecorder } from './call-recorder.js';
import { dtmfTone } from './dtmf-tone.js';
import { MediaStream, type StreamConnectOptions, type StreamListener } from './media-stream.js';
import { encodeRecording } from './recording-encoder.js';
import { RecordingFiles } from './recording-files.js';
import { AudioThread } from './audio-thread.js';
import { AudioTickets } from './audio-tickets.js';
import { SpeechSynthesizer, espeakVoice } from './speech-synthesizer.js';
import { streamSpecOf } from './stream-spec-of.js';
import type { StreamSpec } from './stream-spec.js';

export interface MediaPlaneOptions {
  readonly recordings?: RecordingFiles;
  readonly connect?: StreamConnectOptions;
  /** Fetches a playback's `audio_url`; the server passes one that obeys its egress guard. */
  readonly fetchAudio?: (url: string) => Promise<Uint8Array>;
  /** A file stored through `/v2/media` (a playback's `media_name`), or null when there is none. */
  readonly storedMedia?: (accountId: string, name: string) => Promise<Uint8Array | null>;
  readonly onError?: (error: unknown) => void;
}

/** Tells a call's state machine what happened to its audio (a stream that failed). */
export type MediaReporter = (accountId: string, callId: string, event: MediaEvent) => Promise<void>;

/** What a far-end listener's voice is heard through. */
export interface FarEndMouth {
  say(samples: Pcm): void;
  detach(): void;
}

/** Far-end audio queued beyond 2 s (a sender faster than real time) is dropped. */
const MAX_FAR_END_BACKLOG = 2 * 8000;

/** After a late tick, at most this many frames are sent at once; older ones are dropped. */
const MAX_CATCH_UP_FRAMES = 10;

/**
 * The emulator's audio: it follows each call's committed transitions and makes them sound.
 * Speech is synthesised, playbacks fetched and decoded, far-end speech and key tones heard,
 * media streams opened to the app, and recordings hold what was said. One 20 ms clock drives
 * every call with a stream or a recording; calls without either cost nothing.
 */
export class MediaPlane {
  readonly recordings: RecordingFiles;
  readonly tickets = new AudioTickets();
  readonly #thread = new AudioThread();
  readonly #synthesizer = new SpeechSynthesizer(this.#thread);
  readonly #options: MediaPlaneOptions;
  readonly #calls = new Map<string, CallAudio>();
  readonly #files = new ClipCache();
  readonly #fetchAudio: (url: string) => Promise<Uint8Array>;
  #report: MediaReporter = () => Promise.resolve();
  #clock: NodeJS.Timeout | null = null;

  constructor(options: MediaPlaneOptions = {}) {
    this.#options = options;
    this.recordings = options.recordings ?? new RecordingFiles();
    this.#fetchAudio = options.fetchAudio ?? audioFetcher(new Agent());
  }

  set reporter(report: MediaReporter) {
    this.#report = report;
  }

  /**
   * Sizes a prompt by its real audio, so `call.speak.ended` and `call.playback.ended` come when
   * it ends. A playback whose file cannot be fetched or decoded ends at once, as Telnyx reports
   * it (`file_not_found` or `failed`); speech that fails keeps its estimate and is silent.
   */
  async prepare(item: MediaItem, accountId: string): Promise<MediaItem> {
    if (item.kind === 'playback') return this.#preparePlayback(item, accountId);
    if (item.speech === null) return item;
    try {
      const samples = await this.#speech(item);
      return { ...item, durationMs: Math.max(durationMs(samples), FRAME_MS) };
    } catch (error) {
      this.#onError(error);
      return item;
    }
  }

  async #preparePlayback(item: MediaItem, accountId: string): Promise<MediaItem> {
    if (item.mediaUrl === null && item.mediaName === null) return item;
    try {
      const samples = await this.#playbackAudio(item, accountId);
      return { ...item, durationMs: Math.max(durationMs(samples), FRAME_MS) };
    } catch (error) {
      this.#onError(error);
      const status = error instanceof AudioDecodeError ? 'failed' : 'file_not_found';
      return { ...item, durationMs: 0, failure: { status, detail: (error as Error).message } };
    }
  }

  /** A playback's audio: its `audio_url`, or the account's stored `media_name`. */
  #playbackAudio(item: MediaItem, accountId: string): Promise<Pcm> {
    if (item.mediaUrl !== null) {
      const url = item.mediaUrl;
      return this.#files.get(url, async () => decodeAudioFile(await this.#fetchAudio(url)));
    }
    const name = item.mediaName ?? '';
    return this.#files.get(`media:${accountId}:${name}`, async () => {
      const bytes = await this.#options.storedMedia?.(accountId, name);
      if (bytes == null) throw new Error(`no stored media named ${name}`);
      return decodeAudioFile(bytes);
    });
  }

  /** Called after each stored transition of a call, with the state before it. */
  committed(
    before: CallState | null,
    state: CallState,
    input: CallInput | null,
    effects: readonly Effect[],
  ): void {
    this.#syncRecording(before, state);
    for (const effect of effects) if (effect.type === 'emit') this.#onEvent(before, state, effect);
    if (input?.type === 'far_end' && input.action.name === 'speech')
      this.#farEndSays(state, input.action.text);
    if (state.phase === 'ended') this.#drop(state.id);
  }

  /**
   * Attaches a far-end listener to a live call (the softphone): it hears what the call plays,
   * and what it says is heard by the call, as the far end's voice. Returns its mouth.
   */
  attach(callId: string, listener: AudioListener): FarEndMouth {
    const audio = this.#ensure(callId);
    audio.listeners.add(listener);
    this.#startClock();
    return {
      say: (samples) => {
        if (audio.farEnd.queuedSamples < MAX_FAR_END_BACKLOG) audio.farEnd.push(samples);
      },
      detach: () => {
        audio.listeners.delete(listener);
        this.#release(callId, audio);
      },
    };
  }

  async close(): Promise<void> {
    for (const id of [...this.#calls.keys()]) this.#drop(id);
    await this.#thread.close();
  }

  #onEvent(
    before: CallState | null,
    state: CallState,
    effect: Extract<Effect, { type: 'emit' }>,
  ): void {
    const audio = this.#calls.get(state.id);
    switch (effect.eventType) {
      case 'streaming.started':
        this.#openStream(state);
        break;
      case 'streaming.stopped':
        this.#closeStream(state.id);
        break;
      case 'call.speak.started':
      case 'call.playback.started':
        if (audio !== undefined) this.#playPrompt(audio, state.media[0], state.accountId);
        break;
      case 'call.speak.ended':
      case 'call.playback.ended':
        audio?.prompt.clear();
        break;
      case 'call.dtmf.received':
        this.#farEndKey(audio, effect.payload['digit']);
        break;
      case 'call.recording.saved':
        this.#saveRecording(before, state.id);
        break;
    }
  }

  #openStream(state: CallState): void {
    const request = state.stream;
    if (request === null) return;
    this.#closeStream(state.id);
    const spec = streamSpecOf(state, request);
    const audio = this.#ensure(state.id);
    void this.#attach(state, audio, spec);
  }

  /** A socket that opens after its call ended, or after a newer stream, is closed again. */
  async #attach(state: CallState, audio: CallAudio, spec: StreamSpec): Promise<void> {
    const listener = this.#listener(state, audio, spec.streamId);
    const opened = await MediaStream.open(spec, listener, this.#options.connect);
    if ('failed' in opened) {
      await this.#failed(state, spec.streamId, opened.failed);
      return;
    }
    if (this.#calls.get(state.id) !== audio || audio.stream !== null) {
      opened.stop();
      return;
    }
    audio.stream = opened;
    this.#startClock();
  }

  #listener(state: CallState, audio: CallAudio, streamId: string): StreamListener {
    return {
      media: (samples) => {
        audio.playToFarEnd(samples);
      },
      mp3: (file) => {
        decodeAudioFile(file).then((samples) => {
          audio.playToFarEnd(samples);
        }, this.#onError);
      },
      mark: (name) => {
        audio.markAppAudio(name);
      },
      clear: () => {
        audio.clearAppAudio();
      },
      dropped: (reason) => {
        audio.stream = null;
        void this.#failed(state, streamId, reason);
      },
    };
  }

  #failed(state: CallState, streamId: string, reason: string): Promise<void> {
    const event = { name: 'stream_failed', streamId, reason } as const;
    return this.#report(state.accountId, state.id, event).catch(this.#onError);
  }

  #closeStream(callId: string): void {
    const audio = this.#calls.get(callId);
    if (audio?.stream == null) return;
    audio.stream.stop();
    audio.stream = null;
    this.#release(callId, audio);
  }

  #syncRecording(before: CallState | null, state: CallState): void {
    if (state.recording === null || before?.recording?.id === state.recording.id) return;
    this.#ensure(state.id).recorder = new CallRecorder();
    this.#startClock();
  }

  #saveRecording(before: CallState | null, callId: string): void {
    const recording = before?.recording;
    const audio = this.#calls.get(callId);
    if (recording == null || audio?.recorder == null) return;
    const recorded = audio.recorder.finish();
    audio.recorder = null;
    this.#release(callId, audio);
    const name = `${recording.id}.${recording.format}`;
    const file = encodeRecording(recorded, recording.format, recording.channels, this.#thread);
    this.recordings.add(name, file).catch(this.#onError);
  }

  #playPrompt(audio: CallAudio, item: MediaItem | undefined, accountId: string): void {
    if (item === undefined) return;
    audio.prompt.clear();
    this.#promptAudio(item, accountId).then((samples) => {
      audio.prompt.push(samples);
    }, this.#onError);
  }

  async #promptAudio(item: MediaItem, accountId: string): Promise<Pcm> {
    if (item.kind === 'speak') return this.#speech(item);
    if (item.failure !== undefined) return new Int16Array(0);
    if (item.mediaUrl === null && item.mediaName === null) return new Int16Array(0);
    return this.#playbackAudio(item, accountId);
  }

  #speech(item: MediaItem): Promise<Pcm> {
    const speech = item.speech;
    if (speech === null) return Promise.resolve(new Int16Array(0));
    return this.#synthesizer.synthesize({
      text: speech.text,
      voice: espeakVoice(speech.voice, speech.language),
    });
  }

  #farEndKey(audio: CallAudio | undefined, digit: unknown): void {
    if (audio === undefined || typeof digit !== 'string') return;
    audio.stream?.sendDtmf(digit);
    const tone = dtmfTone(digit);
    if (tone !== null) audio.farEnd.push(tone);
  }

  #farEndSays(state: CallState, text: string): void {
    const audio = this.#calls.get(state.id);
    if (audio === undefined) return;
    this.#synthesizer.synthesize({ text, voice: espeakVoice(null, null) }).then((samples) => {
      audio.farEnd.push(samples);
    }, this.#onError);
  }

  #ensure(callId: string): CallAudio {
    const existing = this.#calls.get(callId);
    if (existing !== undefined) return existing;
    const audio = new CallAudio(Date.now());
    this.#calls.set(callId, audio);
    return audio;
  }

  /** Forgets a call's audio once nothing listens to it any more. */
  #release(callId: string, audio: CallAudio): void {
    if (!audio.active) this.#calls.delete(callId);
  }

  #drop(callId: string): void {
    const audio = this.#calls.get(callId);
    if (audio === undefined) return;
    audio.stream?.stop();
    for (const listener of audio.listeners) listener.ended();
    this.#calls.delete(callId);
  }

  #startClock(): void {
    if (this.#clock !== null) return;
    this.#clock = setInterval(() => {
      this.#tick();
    }, FRAME_MS);
    this.#clock.unref();
  }

  #tick(): void {
    const now = Date.now();
    for (const audio of this.#calls.values()) {
      if (now - audio.nextFrameAt > MAX_CATCH_UP_FRAMES * FRAME_MS)
        audio.nextFrameAt = now - MAX_CATCH_UP_FRAMES * FRAME_MS;
      while (audio.nextFrameAt <= now) {
        audio.frame();
        audio.nextFrameAt += FRAME_MS;
      }
    }
    if (this.#calls.size === 0 && this.#clock !== null) {
      clearInterval(this.#clock);
      this.#clock = null;
    }
  }

  readonly #onError = (error: unknown): void => {
    (
      this.#options.onError ??
      ((e: unknown) => {
        console.error('call audio failed', e);
      })
    )(error);
  };
}
