import type { Attributes } from './texml-attributes.js';
import type { DialNoun, DialRecord, DialVerb } from './texml-verbs.js';
import type { VerbContext } from './verb-context.js';
import type { XmlElement } from './xml-nodes.js';

const RECORD_MODES: readonly DialRecord[] = [
  'do-not-record',
  'record-from-answer',
  'record-from-ringing',
  'record-from-answer-dual',
  'record-from-ringing-dual',
];

const E164 = /^\+[1-9]\d{1,14}$/;
const CALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed', 'amd', 'dtmf'];

/**
 * `<Dial>` with V-dial's defaults: timeout 30 (5–120), timeLimit 14400, record do-not-record,
 * method POST. Plain text is one `<Number>` (or `<Sip>` for a `sip:` URI).
 */
export function parseDial(element: XmlElement, ctx: VerbContext): DialVerb {
  const attrs = ctx.attributes(element);
  const nouns = dialNouns(element, ctx);
  if (nouns.length === 0) ctx.problem(element, 'needs a number, SIP URI, conference or queue');
  const kinds = new Set(nouns.map((noun) => noun.noun));
  if (nouns.length > 1 && (kinds.has('Conference') || kinds.has('Queue')))
    ctx.problem(element, 'rings several <Number>/<Sip> at once, but only one Conference or Queue');
  const verb: DialVerb = {
    verb: 'Dial',
    action: attrs.target('action', 'method'),
    callerId: attrs.text('callerId'),
    timeoutSecs: attrs.integer('timeout', 30, 5, 120),
    timeLimitSecs: attrs.integer('timeLimit', 14_400, 1, 14_400),
    hangupOnStar: attrs.boolean('hangupOnStar', false),
    record: attrs.oneOf('record', RECORD_MODES, 'do-not-record'),
    recordingStatusCallback: attrs.target(
      'recordingStatusCallback',
      'recordingStatusCallbackMethod',
    ),
    nouns,
  };
  ctx.done(attrs);
  return verb;
}

function dialNouns(element: XmlElement, ctx: VerbContext): DialNoun[] {
  const children = ctx.children(element);
  if (children.length === 0) {
    const text = ctx.text(element);
    return text === ''
      ? []
      : [party(text.startsWith('sip:') ? 'Sip' : 'Number', text, null, ctx, element)];
  }
  const nouns: DialNoun[] = [];
  for (const child of children) {
    const noun = dialNoun(child, ctx);
    if (noun !== null) nouns.push(noun);
  }
  return nouns;
}

function dialNoun(child: XmlElement, ctx: VerbContext): DialNoun | null {
  switch (child.name) {
    case 'Number':
    case 'Sip':
      return party(child.name, ctx.text(child), ctx.attributes(child), ctx, child);
    case 'Conference':
      return conference(child, ctx);
    case 'Queue':
      return queue(child, ctx);
    case 'Client':
    case 'Room':
    case 'VirtualAgent':
      ctx.problem(child, 'is not supported by Telnyx TeXML');
      return null;
    default:
      ctx.problem(child, 'is not a noun of <Dial>');
      return null;
  }
}

function party(
  noun: 'Number' | 'Sip',
  to: string,
  attrs: Attributes | null,
  ctx: VerbContext,
  element: XmlElement,
): DialNoun {
  if (noun === 'Number' && !E164.test(to))
    ctx.problem(element, `must hold a +E.164 number, not "${to}"`);
  if (noun === 'Sip' && !/^sips?:[^@\s]+@[^\s]+$/.test(to))
    ctx.problem(element, `must hold a sip: URI, not "${to}"`);
  const events = (attrs?.text('statusCallbackEvent') ?? 'completed').split(/\s+/).filter(Boolean);
  for (const event of events)
    if (!CALL_EVENTS.includes(event))
      ctx.problem(element, `statusCallbackEvent may list ${CALL_EVENTS.join(' ')}, not "${event}"`);
  const sendDigits = noun === 'Number' ? (attrs?.text('sendDigits') ?? null) : null;
  const result = {
    to,
    statusCallback: attrs?.target('statusCallback', 'statusCallbackMethod') ?? null,
    statusCallbackEvents: events,
  };
  if (attrs !== null) ctx.done(attrs);
  return noun === 'Number'
    ? { noun, ...result, sendDigits }
    : { noun, ...result, sendDigits: null };
}

function conference(child: XmlElement, ctx: VerbContext): DialNoun {
  const attrs = ctx.attributes(child);
  const name = ctx.text(child);
  if (name === '') ctx.problem(child, 'needs a conference name');
  const noun: DialNoun = {
    noun: 'Conference',
    name,
    muted: attrs.boolean('muted', false),
    startConferenceOnEnter: attrs.boolean('startConferenceOnEnter', true),
    endConferenceOnExit: attrs.boolean('endConferenceOnExit', false),
    maxParticipants: attrs.integer('maxParticipants', 250, 2, 250),
    statusCallback: attrs.target('statusCallback', 'statusCallbackMethod'),
  };
  ctx.done(attrs);
  return noun;
}

function queue(child: XmlElement, ctx: VerbContext): DialNoun {
  const attrs = ctx.attributes(child);
  const name = ctx.text(child);
  if (name === '') ctx.problem(child, 'needs a queue name');
  const noun: DialNoun = { noun: 'Queue', name, url: attrs.url('url') };
  ctx.done(attrs);
  return noun;
}
