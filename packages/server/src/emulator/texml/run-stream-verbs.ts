import type { StreamRequest, StreamTrack } from '../calls/stream-request.js';
import type { StreamVerb } from './texml-verbs.js';
import { NEXT, STOP, type VerbHost, type VerbOutcome } from './verb-host.js';

/** `<Start><Stream>`: Call Control streaming to `url`; `stream-started` to its statusCallback. */
export async function runStream(verb: StreamVerb, host: VerbHost): Promise<VerbOutcome> {
  const stream = texmlStream(verb, host.newId());
  if (!(await host.command({ name: 'streaming_start', stream }))) return STOP;
  const sid = host.newId();
  host.leg.stream = { sid, name: verb.name, statusCallback: verb.statusCallback };
  streamCallback(host, 'stream-started');
  return NEXT;
}

/** `<Stop><Stream name>`: stops the stream (the one stream a call has, whatever the name). */
export async function runStopStream(host: VerbHost): Promise<VerbOutcome> {
  if (host.leg.stream === null) return NEXT;
  if (!(await host.command({ name: 'streaming_stop' }))) return STOP;
  streamCallback(host, 'stream-stopped');
  host.leg.stream = null;
  return NEXT;
}

function streamCallback(host: VerbHost, event: 'stream-started' | 'stream-stopped'): void {
  const stream = host.leg.stream;
  if (stream?.statusCallback == null) return;
  host.notify('texml.stream_status_callback', stream.statusCallback, {
    AccountSid: host.leg.record.accountId,
    CallSid: host.leg.record.sid,
    StreamSid: stream.sid,
    ...(stream.name === null ? {} : { StreamName: stream.name }),
    StreamEvent: event,
    Timestamp: new Date().toISOString(),
  });
}

const TRACKS: readonly StreamTrack[] = ['inbound_track', 'outbound_track', 'both_tracks'];

/** `<Stream>` as a Call Control stream: its `track`, and Telnyx's defaults for the rest. */
function texmlStream(verb: StreamVerb, streamId: string): StreamRequest {
  const track = TRACKS.find((known) => known === verb.track) ?? 'inbound_track';
  return {
    streamId,
    url: verb.url,
    track,
    codec: 'default',
    bidirectionalMode: 'mp3',
    bidirectionalCodec: 'PCMU',
    bidirectionalRate: 8000,
    authToken: null,
    customParameters: {},
  };
}
