import { recordingUrl } from './recording-url.js';
import type { RecordingState } from '../calls/call-state.js';
import type { CallEvent } from './call-events.js';
import type { RecordVerb, StartRecordingVerb } from './texml-verbs.js';
import { STOP, type VerbHost, type VerbOutcome } from './verb-host.js';

/**
 * `<Record>`: records until a `finishOnKey` digit, `timeout` seconds (the simulated caller
 * says nothing, so a non-zero timeout is the silence that ends it), `maxLength`, or hangup.
 * The saved file is served by this server; its URL goes to `recordingStatusCallback` and to
 * `action` (default: this document's URL). After a hangup only the recording callback is sent.
 */
export async function runRecord(verb: RecordVerb, host: VerbHost): Promise<VerbOutcome> {
  const since = host.mark();
  const recording = newRecording(host, verb.channels, verb.format);
  if (!(await host.command({ name: 'record_start', recording }))) return STOP;
  await host.farEndListens();
  const limitSecs =
    verb.timeoutSecs > 0 ? Math.min(verb.timeoutSecs, verb.maxLengthSecs) : verb.maxLengthSecs;
  const finish = await host.until(
    since,
    (event) => event.type === 'call.dtmf.received' && verb.finishOnKey.includes(digitOf(event)),
    limitSecs * host.settings.secondMs,
  );
  if (finish.kind === 'interrupted') {
    await host.command({ name: 'record_stop' });
    return STOP;
  }
  if (finish.kind !== 'ended') await host.command({ name: 'record_stop' });
  const saved = await host.until(since, (event) => event.type === 'call.recording.saved', null);
  if (saved.kind !== 'event') return STOP;
  const params = recordingParams(host, recording, saved.event);
  if (verb.recordingStatusCallback !== null)
    host.notify('texml.recording_status_callback', verb.recordingStatusCallback, {
      ...params,
      RecordingSource: 'RecordVerb',
    });
  const digits =
    finish.kind === 'event' ? digitOf(finish.event) : finish.kind === 'ended' ? 'hangup' : '';
  return {
    kind: 'fetch',
    target: verb.action ?? { url: host.documentUrl, method: 'POST' },
    params: {
      RecordingUrl: params.RecordingUrl,
      RecordingDuration: params.RecordingDuration,
      Digits: digits,
    },
  };
}

/** `<Start><Recording>`: records beside the document until `<Stop><Recording>` or hangup. */
export async function runStartRecording(
  verb: StartRecordingVerb,
  host: VerbHost,
): Promise<VerbOutcome> {
  const since = host.mark();
  const recording = newRecording(host, verb.channels, verb.format);
  if (!(await host.command({ name: 'record_start', recording }))) return STOP;
  const callback = verb.recordingStatusCallback;
  if (callback !== null)
    void host
      .until(since, (event) => event.type === 'call.recording.saved', null)
      .then((saved) => {
        if (saved.kind === 'event')
          host.notify('texml.recording_status_callback', callback, {
            ...recordingParams(host, recording, saved.event),
            RecordingSource: 'StartCallRecordingAPI',
          });
      });
  return { kind: 'next' };
}

function newRecording(
  host: VerbHost,
  channels: 'single' | 'dual',
  format: 'mp3' | 'wav',
): RecordingState {
  return { id: host.newId(), channels, format, startedAt: 0 };
}

interface RecordingParams extends Record<string, string> {
  readonly RecordingUrl: string;
  readonly RecordingDuration: string;
}

/** CB-recording-completed's parameters for a saved recording. */
export function recordingParams(
  host: VerbHost,
  recording: RecordingState,
  saved: CallEvent,
): RecordingParams {
  const started = Date.parse(String(saved.payload['recording_started_at']));
  const ended = Date.parse(String(saved.payload['recording_ended_at']));
  return {
    AccountSid: host.leg.record.accountId,
    CallSid: host.leg.record.sid,
    ConnectionId: host.leg.record.applicationId,
    RecordingSid: recording.id,
    RecordingUrl: recordingUrl(saved.payload['recording_urls']),
    RecordingDuration: String(Math.max(0, Math.round((ended - started) / 1000))),
    RecordingChannels: recording.channels === 'dual' ? '2' : '1',
    RecordingStatus: 'completed',
  };
}

function digitOf(event: CallEvent): string {
  const digit = event.payload['digit'];
  return typeof digit === 'string' ? digit : '';
}
