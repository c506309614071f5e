import { patch, type Draft } from './call-draft.js';

/** record_pause: the recording keeps its id; paused time is left out of its duration. */
export function pauseRecording(draft: Draft): void {
  const recording = draft.state.recording;
  if (recording === null || (recording.pausedAt ?? null) !== null) return;
  patch(draft, { recording: { ...recording, pausedAt: draft.ctx.now } });
}

export function resumeRecording(draft: Draft): void {
  const recording = draft.state.recording;
  const pausedAt = recording?.pausedAt ?? null;
  if (recording === null || pausedAt === null) return;
  const pausedMs = (recording.pausedMs ?? 0) + (draft.ctx.now - pausedAt);
  patch(draft, { recording: { ...recording, pausedAt: null, pausedMs } });
}
