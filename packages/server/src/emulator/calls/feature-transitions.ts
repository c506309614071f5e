import { cancel, emit, isoTime, parties, patch, schedule, type Draft } from './call-draft.js';
import type { RecordingState } from './call-state.js';
import type { StreamRequest } from './stream-request.js';

/** A second record_start while recording is ignored: one recording per call at a time. */
export function startRecording(draft: Draft, recording: RecordingState): void {
  if (draft.state.recording !== null) return;
  patch(draft, { recording: { ...recording, startedAt: draft.ctx.now } });
}

/** record_stop or hangup: the recording is saved and its URLs (served by this server) are sent. */
export function saveRecording(draft: Draft): void {
  const recording = draft.state.recording;
  if (recording === null) return;
  const urls = recordingUrls(draft.ctx.baseUrl, recording);
  emit(draft, 'call.recording.saved', {
    channels: recording.channels,
    recording_started_at: isoTime(recording.startedAt),
    recording_ended_at: isoTime(draft.ctx.now),
    recording_urls: urls,
    public_recording_urls: urls,
  });
  patch(draft, { recording: null });
}

/** Only the recorded format has a URL; the other is null, as Telnyx sends it. */
export function recordingUrls(
  baseUrl: string,
  recording: RecordingState,
): { mp3: string | null; wav: string | null } {
  const url = `${baseUrl.replace(/\/$/, '')}/switchboard/recordings/${recording.id}.${recording.format}`;
  return {
    mp3: recording.format === 'mp3' ? url : null,
    wav: recording.format === 'wav' ? url : null,
  };
}

export function startFork(draft: Draft): void {
  if (draft.state.forking) return;
  patch(draft, { forking: true });
  emit(draft, 'call.fork.started', { stream_type: 'decrypted' });
}

export function stopFork(draft: Draft): void {
  if (!draft.state.forking) return;
  patch(draft, { forking: false });
  emit(draft, 'call.fork.stopped', { stream_type: 'decrypted' });
}

export function enqueue(
  draft: Draft,
  queue: string,
  position: number,
  maxWaitMs: number | null,
  avgWaitSecs = 0,
): void {
  patch(draft, { queue: { name: queue, enqueuedAt: draft.ctx.now, position } });
  emit(draft, 'call.enqueued', {
    queue,
    current_position: position,
    queue_avg_wait_time_secs: avgWaitSecs,
  });
  if (maxWaitMs !== null) schedule(draft, 'queue_timeout', draft.ctx.now + maxWaitMs);
}

export type DequeueReason = 'bridged' | 'hangup' | 'leave' | 'timeout';

export function dequeue(draft: Draft, reason: DequeueReason): void {
  const queue = draft.state.queue;
  if (queue === null) return;
  cancel(draft, 'queue_timeout');
  const waitSecs = Math.floor((draft.ctx.now - queue.enqueuedAt) / 1000);
  emit(draft, 'call.dequeued', {
    queue: queue.name,
    queue_position: queue.position,
    wait_time_secs: waitSecs,
    reason,
  });
  patch(draft, { queue: null });
}

/** Far-end speech becomes one final transcript while transcription is on; otherwise it is unheard. */
export function hearSpeech(draft: Draft, text: string): void {
  if (!draft.state.transcribing) return;
  emit(draft, 'call.transcription', {
    transcription_data: {
      transcript: text,
      confidence: 0.98,
      is_final: true,
      transcription_track: 'inbound',
    },
  });
}

/** Telnyx runs one stream per call: a new one replaces the old. */
export function startStreaming(draft: Draft, stream: StreamRequest): void {
  if (draft.state.stream !== null) stopStreaming(draft);
  patch(draft, { stream });
  emit(draft, 'streaming.started', { stream_url: stream.url });
}

export function stopStreaming(draft: Draft): void {
  const { stream } = draft.state;
  if (stream === null) return;
  patch(draft, { stream: null });
  emit(draft, 'streaming.stopped', { stream_url: stream.url });
}

/** The app's socket could not be opened, or dropped: the stream ends as `streaming.failed`. */
export function streamFailed(draft: Draft, streamId: string, reason: string): void {
  const { stream } = draft.state;
  if (stream?.streamId !== streamId) return;
  patch(draft, { stream: null });
  emit(draft, 'streaming.failed', {
    failure_reason: reason,
    stream_id: stream.streamId,
    stream_type: 'websocket',
    stream_params: { stream_url: stream.url, track: stream.track },
  });
}

export function holdChanged(draft: Draft, held: boolean): void {
  emit(draft, held ? 'call.hold' : 'call.unhold', parties(draft.state));
}
