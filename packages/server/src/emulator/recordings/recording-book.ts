import { ApiError } from '../../support/errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { CallRuntime } from '../calls/call-runtime.js';
import type { CallState, RecordingState } from '../calls/call-state.js';
import { recordingUrls } from '../calls/feature-transitions.js';
import {
  decodeRecording,
  RECORDING_KIND,
  recordingResource,
  type RecordingRecord,
} from './recording-record.js';

/** 404 / 10005 at `/recording_id`, as the spec's example words it. */
export class RecordingNotFoundError extends ApiError {
  constructor() {
    super(404, [
      {
        code: '10005',
        title: 'Recording not found',
        detail: 'The recording could not be found. Please check the recording_id and try again.',
        pointer: '/recording_id',
      },
    ]);
  }
}

/** A recording's length: its wall time less the time it spent paused (up to `endedAt`). */
export function recordedMs(
  recording: Pick<RecordingState, 'startedAt' | 'pausedAt' | 'pausedMs'>,
  endedAt: number,
): number {
  const paused = (recording.pausedMs ?? 0) + (endedAt - (recording.pausedAt ?? endedAt));
  return Math.max(0, endedAt - recording.startedAt - paused);
}

/**
 * The account's recordings: every call recording that is saved (record_stop, hangup) and
 * every conference recording becomes a `/v2/recordings` resource. Files stay where
 * `*.recording.saved` points.
 */
export class RecordingBook {
  readonly #deps: EmulatorDeps;

  constructor(deps: EmulatorDeps, runtime: CallRuntime) {
    this.#deps = deps;
    runtime.follow((before, after) => this.#noteSaved(before, after));
  }

  async save(accountId: string, recording: RecordingRecord): Promise<void> {
    await this.#deps.store.putResource(recordingResource(accountId, recording));
  }

  async list(accountId: string): Promise<RecordingRecord[]> {
    const rows = await this.#deps.store.listResources(accountId, RECORDING_KIND);
    return rows.map((row) => decodeRecording(row.data)).reverse();
  }

  async get(accountId: string, id: string): Promise<RecordingRecord> {
    const row = await this.#deps.store.getResource(accountId, RECORDING_KIND, id);
    if (row === null) throw new RecordingNotFoundError();
    return decodeRecording(row.data);
  }

  async delete(accountId: string, id: string): Promise<RecordingRecord> {
    const recording = await this.get(accountId, id);
    await this.#deps.store.deleteResource(accountId, RECORDING_KIND, id);
    return recording;
  }

  /** Bulk delete: every id must be the account's, else nothing is deleted (404). */
  async deleteMany(accountId: string, ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.get(accountId, id);
    for (const id of ids) await this.#deps.store.deleteResource(accountId, RECORDING_KIND, id);
  }

  /** A call's recording ended when its state drops it (record_stop or hangup). */
  async #noteSaved(before: CallState | null, after: CallState): Promise<void> {
    const recording = before?.recording ?? null;
    if (before === null || recording === null || after.recording?.id === recording.id) return;
    const endedAt = this.#deps.now();
    const urls = recordingUrls(this.#deps.baseUrl, recording);
    await this.save(after.accountId, {
      id: recording.id,
      source: 'call',
      callControlId: after.id,
      callLegId: after.legId,
      callSessionId: after.sessionId,
      conferenceId: before.conferenceId ?? null,
      connectionId: after.connectionId,
      from: after.from,
      to: after.to,
      channels: recording.channels,
      format: recording.format,
      url: urls.mp3 ?? urls.wav ?? '',
      startedAt: recording.startedAt,
      endedAt,
      durationMs: recordedMs(recording, endedAt),
    });
  }
}
