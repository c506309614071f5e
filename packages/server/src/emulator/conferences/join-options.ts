import Type, { type Static } from 'typebox';

export const SUPERVISOR_ROLES = ['barge', 'monitor', 'none', 'whisper'] as const;
export const BEEP_SETTINGS = ['always', 'never', 'on_enter', 'on_exit'] as const;

export type SupervisorRole = (typeof SUPERVISOR_ROLES)[number];
export type BeepSetting = (typeof BEEP_SETTINGS)[number];

/** How a call sits in a conference: the join command's (and Dial's conference_config's) flags. */
export const JoinOptions = Type.Object({
  muted: Type.Boolean(),
  hold: Type.Boolean(),
  holdAudioUrl: Type.Union([Type.String(), Type.Null()]),
  holdMediaName: Type.Union([Type.String(), Type.Null()]),
  startOnEnter: Type.Boolean(),
  endOnExit: Type.Boolean(),
  softEndOnExit: Type.Boolean(),
  supervisorRole: Type.Enum(SUPERVISOR_ROLES),
  whisperIds: Type.Array(Type.String()),
  beep: Type.Union([Type.Enum(BEEP_SETTINGS), Type.Null()]),
});

export type JoinOptions = Static<typeof JoinOptions>;

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
