import { parsePause, parsePlay, parseSay } from './parse-simple-verbs.js';
import type { GatherVerb, Prompt } from './texml-verbs.js';
import type { VerbContext } from './verb-context.js';
import type { XmlElement } from './xml-nodes.js';

const PROMPTS = {
  Say: parseSay,
  Play: parsePlay,
  Pause: parsePause,
} as const;

/**
 * `<Gather>` with its documented defaults (V-gather): input dtmf, timeout 5 s (1–120),
 * finishOnKey #, minDigits 1, maxDigits 128. Nested Say, Play and Pause are its prompt.
 */
export function parseGather(element: XmlElement, ctx: VerbContext): GatherVerb {
  const attrs = ctx.attributes(element);
  const input = (attrs.text('input') ?? 'dtmf').toLowerCase().split(/\s+/).filter(Boolean);
  for (const mode of input)
    if (mode !== 'dtmf' && mode !== 'speech')
      ctx.problem(element, `input may hold dtmf and speech, not "${mode}"`);
  const finishOnKey = attrs.string('finishOnKey', '#');
  if (!/^[0-9*#]?$/.test(finishOnKey))
    ctx.problem(element, `finishOnKey must be one of 0-9, * or #, not "${finishOnKey}"`);
  const numDigits = attrs.text('numDigits') === null ? null : attrs.integer('numDigits', 1, 1, 128);
  const verb: GatherVerb = {
    verb: 'Gather',
    action: attrs.url('action'),
    method: attrs.method(),
    dtmf: input.length === 0 || input.includes('dtmf'),
    speech: input.includes('speech'),
    timeoutSecs: attrs.integer('timeout', 5, 1, 120),
    finishOnKey,
    numDigits,
    minDigits: attrs.integer('minDigits', 1, 1, 128),
    maxDigits: attrs.integer('maxDigits', 128, 1, 128),
    validDigits: attrs.string('validDigits', '0123456789#*'),
    language: attrs.string('language', 'en-US'),
    actionOnEmptyResult: attrs.boolean('actionOnEmptyResult', false),
    prompts: prompts(element, ctx),
  };
  ctx.done(attrs);
  return verb;
}

function prompts(element: XmlElement, ctx: VerbContext): Prompt[] {
  const out: Prompt[] = [];
  for (const child of ctx.children(element)) {
    const parse = PROMPTS[child.name as keyof typeof PROMPTS] as
      ((element: XmlElement, ctx: VerbContext) => Prompt) | undefined;
    if (parse === undefined) ctx.problem(element, `cannot contain <${child.name}>`);
    else out.push(parse(child, ctx));
  }
  return out;
}
