import { ownMember } from '../../support/own-member.js';
import { parseDial } from './parse-dial.js';
import { parseGather } from './parse-gather.js';
import { parseRecord, parseStart, parseStop } from './parse-media-verbs.js';
import {
  parseEnqueue,
  parsePause,
  parsePlay,
  parseRedirect,
  parseReject,
  parseSay,
} from './parse-simple-verbs.js';
import type { Verb } from './texml-verbs.js';
import { VerbContext } from './verb-context.js';
import { readXml, type XmlElement } from './xml-nodes.js';

/**
 * The largest document the interpreter reads: 64 KiB. The delivery engine hands a fetch's
 * reply back up to this size (it records only the first 10 kB); anything larger is refused
 * as invalid rather than cut, since a cut document would run half an app (docs/decisions.md).
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

export type ParsedDocument =
  | { readonly ok: true; readonly verbs: readonly Verb[] }
  | { readonly ok: false; readonly reason: string };

type VerbParser = (element: XmlElement, ctx: VerbContext) => Verb | readonly Verb[] | null;

const VERBS: Readonly<Record<string, VerbParser>> = {
  Say: parseSay,
  Play: parsePlay,
  Pause: parsePause,
  Gather: parseGather,
  Dial: parseDial,
  Record: parseRecord,
  Redirect: parseRedirect,
  Hangup: () => ({ verb: 'Hangup' }),
  Reject: parseReject,
  Enqueue: parseEnqueue,
  Leave: () => ({ verb: 'Leave' }),
  Start: parseStart,
  Stop: parseStop,
};

/** Verbs Telnyx documents that the emulator does not model: skipped, noted on the call. */
const SKIPPED = new Set([
  'AIGather',
  'AIAssistant',
  'Connect',
  'ConversationRelay',
  'HttpRequest',
  'Refer',
  'Siprec',
  'Suppression',
  'Transcription',
]);

/**
 * Parses a TeXML document fetched from `documentUrl` (relative URLs resolve against it) into
 * typed verbs. Pure and total: any input gives verbs or a reason, never an exception.
 */
export function parseTexml(xml: string, documentUrl: string): ParsedDocument {
  if (Buffer.byteLength(xml) >= MAX_DOCUMENT_BYTES)
    return { ok: false, reason: `document larger than ${MAX_DOCUMENT_BYTES} bytes` };
  const read = readXml(xml);
  if (!read.ok) return read;
  const [root, ...others] = read.roots;
  if (root === undefined) return { ok: false, reason: 'empty document' };
  if (others.length > 0) return { ok: false, reason: 'more than one root element' };
  if (root.name !== 'Response')
    return { ok: false, reason: `the root element is <${root.name}>, not <Response>` };
  const ctx = new VerbContext(documentUrl);
  const verbs = ctx.children(root).flatMap((element) => verbsOf(element, ctx));
  const [problem] = ctx.problems;
  return problem === undefined ? { ok: true, verbs } : { ok: false, reason: problem };
}

function verbsOf(element: XmlElement, ctx: VerbContext): readonly Verb[] {
  // Element names come from the app's document: `constructor` must not find Object's.
  const parse = ownMember(VERBS, element.name);
  if (parse !== undefined) {
    const result = parse(element, ctx);
    if (result === null) return [];
    return isVerbList(result) ? result : [result];
  }
  if (SKIPPED.has(element.name)) return [{ verb: 'Skipped', name: element.name }];
  if (element.name === 'Pay') ctx.problem(element, 'is not supported by Telnyx TeXML');
  else ctx.problem(element, 'is not a TeXML verb');
  return [];
}

function isVerbList(result: Verb | readonly Verb[]): result is readonly Verb[] {
  return Array.isArray(result);
}
