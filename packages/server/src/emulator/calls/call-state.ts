import type { StreamRequest } from './stream-request.js';

/**
 * The stored shape of one emulated call. Plain JSON (nulls, no `undefined`) so it round-trips
 * through `store.putResource` and a restarted server can pick the call up where it was.
 */

import type { CallExtras, ConferenceConfig } from './call-extras.js';

/** `dialing`: outgoing, not answered yet. `parked`: incoming, waiting for the app. */
export type CallPhase = 'dialing' | 'parked' | 'answered' | 'ended';

/** How the remote party behaves, chosen from the test-number table. */
export type FarEnd =
  | 'human'
  | 'human_business'
  | 'busy'
  | 'no_answer'
  | 'rejected'
  | 'machine_beep'
  | 'machine_no_beep'
  | 'fax'
  | 'silence';

export type AmdMode =
  'disabled' | 'detect' | 'detect_beep' | 'detect_words' | 'greeting_end' | 'premium';

export type HttpMethod = 'POST' | 'GET';

/** Per-call webhook overrides (`webhook_url`, `webhook_urls`, `webhook_retries_policies`). */
export interface Routing {
  readonly webhookUrl: string | null;
  readonly webhookMethod: HttpMethod;
  readonly webhookUrls: Readonly<Record<string, string>>;
  readonly webhookUrlsMethod: HttpMethod;
  readonly retries: Readonly<Record<string, readonly number[]>>;
}

export type TimerKind =
  | 'ring_outcome'
  | 'dial_timeout'
  | 'time_limit'
  | 'amd_result'
  | 'amd_greeting'
  | 'media_end'
  | 'prompt_end'
  | 'gather_timeout'
  | 'queue_timeout'
  | 'refer_outcome'
  | 'ai_gather_timeout';

/** A pending timer. Stored with the call so a restart can re-arm it. */
export interface CallTimer {
  readonly id: string;
  readonly at: number;
  readonly kind: TimerKind;
}

export interface MediaItem {
  readonly kind: 'speak' | 'playback';
  readonly durationMs: number;
  readonly mediaUrl: string | null;
  readonly mediaName: string | null;
  readonly overlay: boolean;
  /** What a speak prompt says, for the audio side; null for playback. */
  readonly speech: SpeechText | null;
  /** Why the prompt cannot play (its file could not be fetched or decoded); it ends at once. */
  readonly failure?: PromptFailure;
  /** `loop: "infinity"`: plays until stopped or hung up (absent on calls stored before loops). */
  readonly endless?: boolean;
}

export interface PromptFailure {
  readonly status: 'file_not_found' | 'failed';
  readonly detail: string;
}

export interface SpeechText {
  readonly text: string;
  readonly voice: string;
  readonly language: string | null;
}

export interface GatherState {
  readonly digits: string;
  readonly minimum: number;
  readonly maximum: number;
  readonly terminator: string;
  readonly validDigits: string;
  readonly initialMs: number;
  readonly interDigitMs: number;
  /** Overall deadline once collecting, epoch ms. */
  readonly deadline: number | null;
  readonly timeoutMs: number;
  readonly triesLeft: number;
  /** The prompt of gather_using_audio/speak; null for plain gather. */
  readonly prompt: MediaItem | null;
  readonly collecting: boolean;
}

export interface RecordingState {
  readonly id: string;
  readonly channels: 'single' | 'dual';
  readonly format: 'mp3' | 'wav';
  readonly startedAt: number;
  /** record_pause: when the pause began, and the paused time so far (absent before pauses). */
  readonly pausedAt?: number | null;
  readonly pausedMs?: number;
}

export interface QueueState {
  readonly name: string;
  readonly enqueuedAt: number;
  readonly position: number;
}

export interface CallState {
  readonly id: string;
  readonly accountId: string;
  readonly legId: string;
  readonly sessionId: string;
  readonly connectionId: string;
  readonly from: string;
  readonly to: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly phase: CallPhase;
  readonly farEnd: FarEnd;
  readonly amd: AmdMode;
  readonly clientState: string | null;
  readonly routing: Routing;
  readonly startedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number | null;
  readonly media: readonly MediaItem[];
  readonly gather: GatherState | null;
  readonly recording: RecordingState | null;
  /** Recording to start on answer (Dial/Answer `record: record-from-answer`). */
  readonly recordOnAnswer: RecordingState | null;
  readonly forking: boolean;
  readonly transcribing: boolean;
  /** The active media stream, if any. */
  readonly stream: StreamRequest | null;
  /** Stream to start on answer (Dial/Answer `stream_url`). */
  readonly streamOnAnswer: StreamRequest | null;
  readonly queue: QueueState | null;
  readonly bridgedWith: string | null;
  readonly parkAfterUnbridge: boolean;
  /** For a transfer's new leg: the call it will be bridged to on answer. */
  readonly transferOf: string | null;
  readonly timers: readonly CallTimer[];
  /** command_id → when first seen (epoch ms); kept 60 s. */
  readonly commandIds: Readonly<Record<string, number>>;
  readonly timerSeq: number;
  /**
   * The conference the call sits in, and Dial's `conference_config` to join on answer. Optional
   * so calls stored before conferences existed still load.
   */
  readonly conferenceId?: string | null;
  readonly conferenceOnAnswer?: ConferenceConfig | null;
  /** SIPREC, noise suppression, supervisor role, AI/relay conversations and SIP REFER. */
  readonly extras?: CallExtras;
}

export const DEFAULT_ROUTING: Routing = {
  webhookUrl: null,
  webhookMethod: 'POST',
  webhookUrls: {},
  webhookUrlsMethod: 'POST',
  retries: {},
};
