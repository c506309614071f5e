import type { Attributes } from './texml-attributes.js';
import type { RecordVerb, StartRecordingVerb, StreamVerb, Verb } from './texml-verbs.js';
import type { VerbContext } from './verb-context.js';
import type { XmlElement } from './xml-nodes.js';

/** `<Record>` with V-record's defaults: finishOnKey any key, timeout 0, maxLength 3600, mp3. */
export function parseRecord(element: XmlElement, ctx: VerbContext): RecordVerb {
  const attrs = ctx.attributes(element);
  const verb: RecordVerb = {
    verb: 'Record',
    action: attrs.target('action', 'method'),
    finishOnKey: attrs.string('finishOnKey', '1234567890*#'),
    timeoutSecs: attrs.integer('timeout', 0, 0, 3600),
    maxLengthSecs: attrs.integer('maxLength', 3600, 1, 14_400),
    playBeep: attrs.boolean('playBeep', true),
    ...recordingAttributes(attrs, 'dual'),
  };
  ctx.done(attrs);
  return verb;
}

/** `<Start>`: Stream and Recording run beside the document; others are skipped. */
export function parseStart(element: XmlElement, ctx: VerbContext): Verb[] {
  return ctx.children(element).map((child): Verb => {
    if (child.name === 'Stream') return stream(child, ctx);
    if (child.name === 'Recording') return startRecording(child, ctx);
    return { verb: 'Skipped', name: `Start>${child.name}` };
  });
}

/** `<Stop>`: ends a named (or the) stream, or the background recording. */
export function parseStop(element: XmlElement, ctx: VerbContext): Verb[] {
  return ctx.children(element).map((child): Verb => {
    if (child.name === 'Stream')
      return { verb: 'StopStream', name: ctx.attributes(child).text('name') };
    if (child.name === 'Recording') return { verb: 'StopRecording' };
    return { verb: 'Skipped', name: `Stop>${child.name}` };
  });
}

function stream(child: XmlElement, ctx: VerbContext): StreamVerb {
  const attrs = ctx.attributes(child);
  const url = attrs.text('url') ?? '';
  if (!/^wss?:\/\/\S+$/.test(url))
    ctx.problem(child, `url must be a ws:// or wss:// URL, not "${url}"`);
  const verb: StreamVerb = {
    verb: 'Stream',
    url,
    name: attrs.text('name'),
    track: attrs.oneOf(
      'track',
      ['inbound_track', 'outbound_track', 'both_tracks'],
      'inbound_track',
    ),
    statusCallback: attrs.target('statusCallback', 'statusCallbackMethod'),
  };
  ctx.done(attrs);
  return verb;
}

function startRecording(child: XmlElement, ctx: VerbContext): StartRecordingVerb {
  const attrs = ctx.attributes(child);
  const verb: StartRecordingVerb = {
    verb: 'StartRecording',
    ...recordingAttributes(attrs, 'single'),
  };
  ctx.done(attrs);
  return verb;
}

/** What `<Record>` and `<Start><Recording>` share; only the default channel count differs. */
function recordingAttributes(
  attrs: Attributes,
  channels: 'single' | 'dual',
): Pick<RecordVerb, 'channels' | 'format' | 'recordingStatusCallback'> {
  return {
    channels: attrs.oneOf('channels', ['single', 'dual'], channels),
    format: attrs.oneOf('format', ['mp3', 'wav'], 'mp3'),
    recordingStatusCallback: attrs.target(
      'recordingStatusCallback',
      'recordingStatusCallbackMethod',
    ),
  };
}
