/**
 * A TeXML document as typed verbs, after parsing and validation (parse-texml.ts). Every
 * attribute has its documented default filled in, so the runner never reads raw XML.
 */

export type Method = 'GET' | 'POST';

/** A URL the verb's result is requested from, with its method. */
export interface ActionTarget {
  readonly url: string;
  readonly method: Method;
}

export interface SayVerb {
  readonly verb: 'Say';
  readonly text: string;
  readonly voice: string;
  readonly language: string;
  /** 0 plays until the call ends. */
  readonly loop: number;
}

export interface PlayVerb {
  readonly verb: 'Play';
  readonly url: string;
  readonly loop: number;
  /** `digits` sends DTMF to the far end instead of playing audio. */
  readonly digits: string | null;
}

export interface PauseVerb {
  readonly verb: 'Pause';
  readonly lengthSecs: number;
}

export type Prompt = SayVerb | PlayVerb | PauseVerb;

export interface GatherVerb {
  readonly verb: 'Gather';
  readonly action: string | null;
  readonly method: Method | null;
  readonly dtmf: boolean;
  readonly speech: boolean;
  readonly timeoutSecs: number;
  readonly finishOnKey: string;
  readonly numDigits: number | null;
  readonly minDigits: number;
  readonly maxDigits: number;
  readonly validDigits: string;
  readonly language: string;
  readonly actionOnEmptyResult: boolean;
  readonly prompts: readonly Prompt[];
}

/** What `<Dial>` connects to. Several ring at once; the first to answer wins. */
export type DialNoun =
  | {
      readonly noun: 'Number';
      readonly to: string;
      readonly statusCallback: ActionTarget | null;
      readonly statusCallbackEvents: readonly string[];
      readonly sendDigits: string | null;
    }
  | {
      readonly noun: 'Sip';
      readonly to: string;
      readonly statusCallback: ActionTarget | null;
      readonly statusCallbackEvents: readonly string[];
      readonly sendDigits: null;
    }
  | {
      readonly noun: 'Conference';
      readonly name: string;
      readonly muted: boolean;
      readonly startConferenceOnEnter: boolean;
      readonly endConferenceOnExit: boolean;
      readonly maxParticipants: number;
      readonly statusCallback: ActionTarget | null;
    }
  | { readonly noun: 'Queue'; readonly name: string; readonly url: string | null };

export type DialRecord =
  | 'do-not-record'
  | 'record-from-answer'
  | 'record-from-ringing'
  | 'record-from-answer-dual'
  | 'record-from-ringing-dual';

export interface DialVerb {
  readonly verb: 'Dial';
  readonly action: ActionTarget | null;
  readonly callerId: string | null;
  readonly timeoutSecs: number;
  readonly timeLimitSecs: number;
  readonly hangupOnStar: boolean;
  readonly record: DialRecord;
  readonly recordingStatusCallback: ActionTarget | null;
  readonly nouns: readonly DialNoun[];
}

export interface RecordVerb {
  readonly verb: 'Record';
  readonly action: ActionTarget | null;
  readonly finishOnKey: string;
  /** Seconds of silence that end the recording; 0 never ends it on silence. */
  readonly timeoutSecs: number;
  readonly maxLengthSecs: number;
  readonly playBeep: boolean;
  readonly channels: 'single' | 'dual';
  readonly format: 'mp3' | 'wav';
  readonly recordingStatusCallback: ActionTarget | null;
}

export interface RedirectVerb {
  readonly verb: 'Redirect';
  readonly target: ActionTarget;
}

export interface EnqueueVerb {
  readonly verb: 'Enqueue';
  readonly queue: string;
  readonly action: ActionTarget | null;
  readonly waitUrl: ActionTarget | null;
}

export interface StreamVerb {
  readonly verb: 'Stream';
  readonly url: string;
  readonly name: string | null;
  readonly track: string;
  readonly statusCallback: ActionTarget | null;
}

export interface StartRecordingVerb {
  readonly verb: 'StartRecording';
  readonly channels: 'single' | 'dual';
  readonly format: 'mp3' | 'wav';
  readonly recordingStatusCallback: ActionTarget | null;
}

export type Verb =
  | SayVerb
  | PlayVerb
  | PauseVerb
  | GatherVerb
  | DialVerb
  | RecordVerb
  | RedirectVerb
  | EnqueueVerb
  | StreamVerb
  | StartRecordingVerb
  | { readonly verb: 'Hangup' }
  | { readonly verb: 'Reject'; readonly reason: 'rejected' | 'busy' }
  | { readonly verb: 'Leave' }
  | { readonly verb: 'StopStream'; readonly name: string | null }
  | { readonly verb: 'StopRecording' }
  /** A verb Telnyx supports that the emulator does not model: skipped, and noted on the call. */
  | { readonly verb: 'Skipped'; readonly name: string };

export type VerbName = Verb['verb'];
