export type SupervisorRole = 'barge' | 'monitor' | 'none' | 'whisper';
export type BeepSetting = 'always' | 'never' | 'on_enter' | 'on_exit';

/** How a call sits in a conference: the join command's (and Dial's conference_config's) flags. */
export interface JoinOptions {
  readonly muted: boolean;
  readonly hold: boolean;
  readonly holdAudioUrl: string | null;
  readonly holdMediaName: string | null;
  readonly startOnEnter: boolean;
  readonly endOnExit: boolean;
  readonly softEndOnExit: boolean;
  readonly supervisorRole: SupervisorRole;
  readonly whisperIds: readonly string[];
  readonly beep: BeepSetting | null;
}

export const DEFAULT_JOIN: JoinOptions = {
  muted: false,
  hold: false,
  holdAudioUrl: null,
  holdMediaName: null,
  startOnEnter: false,
  endOnExit: false,
  softEndOnExit: false,
  supervisorRole: 'none',
  whisperIds: [],
  beep: null,
};
