import { patchConference, type ConferenceDraft } from './conference-draft.js';
import type { ConferenceRecording } from './conference-state.js';
import { recordedMs } from '../recordings/recording-book.js';

/** record_start; a second one while recording is ignored, as on calls. */
export function startConferenceRecording(
  draft: ConferenceDraft,
  recording: Omit<ConferenceRecording, 'startedAt' | 'pausedAt' | 'pausedMs'>,
): void {
  if (draft.state.recording !== null) return;
  patchConference(draft, {
    recording: { ...recording, startedAt: draft.now, pausedAt: null, pausedMs: 0 },
  });
}

export function pauseConferenceRecording(draft: ConferenceDraft): void {
  const recording = draft.state.recording;
  if (recording === null || recording.pausedAt !== null) return;
  patchConference(draft, { recording: { ...recording, pausedAt: draft.now } });
}

export function resumeConferenceRecording(draft: ConferenceDraft): void {
  const recording = draft.state.recording;
  if (recording?.pausedAt == null) return;
  const pausedMs = recording.pausedMs + (draft.now - recording.pausedAt);
  patchConference(draft, { recording: { ...recording, pausedAt: null, pausedMs } });
}

/** record_stop or the conference's end: the engine saves it and sends `conference.recording.saved`. */
export function saveConferenceRecording(draft: ConferenceDraft): void {
  const recording = draft.state.recording;
  if (recording === null) return;
  draft.effects.push({
    type: 'recording_saved',
    recording: {
      id: recording.id,
      channels: recording.channels,
      format: recording.format,
      startedAt: recording.startedAt,
      endedAt: draft.now,
      durationMs: recordedMs(recording, draft.now),
    },
  });
  patchConference(draft, { recording: null });
}
