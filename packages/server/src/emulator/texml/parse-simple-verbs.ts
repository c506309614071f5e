import { resolveUrl } from './texml-attributes.js';
import type {
  EnqueueVerb,
  PauseVerb,
  PlayVerb,
  RedirectVerb,
  SayVerb,
  Verb,
} from './texml-verbs.js';
import type { VerbContext } from './verb-context.js';
import type { XmlElement } from './xml-nodes.js';

/** `<Say voice language loop>text</Say>`; SSML inside is spoken as its text. */
export function parseSay(element: XmlElement, ctx: VerbContext): SayVerb {
  const attrs = ctx.attributes(element);
  const verb: SayVerb = {
    verb: 'Say',
    text: ctx.text(element),
    voice: attrs.string('voice', 'man'),
    language: attrs.string('language', 'en-US'),
    loop: attrs.integer('loop', 1, 0, 10),
  };
  ctx.done(attrs);
  return verb;
}

/** `<Play loop digits>url</Play>`: either audio or DTMF digits sent to the far end. */
export function parsePlay(element: XmlElement, ctx: VerbContext): PlayVerb {
  const attrs = ctx.attributes(element);
  const digits = attrs.text('digits');
  const text = ctx.text(element);
  let url = '';
  if (text !== '')
    url =
      resolveUrl(text, ctx.base, (problem) => {
        ctx.problem(element, problem);
      }) ?? '';
  else if (digits === null) ctx.problem(element, 'needs an audio URL or digits');
  if (digits !== null && !/^[0-9A-D*#wW]*$/.test(digits))
    ctx.problem(element, `digits may hold 0-9, A-D, *, #, w and W, not "${digits}"`);
  const verb: PlayVerb = { verb: 'Play', url, loop: attrs.integer('loop', 1, 0, 1000), digits };
  ctx.done(attrs);
  return verb;
}

export function parsePause(element: XmlElement, ctx: VerbContext): PauseVerb {
  const attrs = ctx.attributes(element);
  const verb: PauseVerb = { verb: 'Pause', lengthSecs: attrs.integer('length', 1, 0, 14_400) };
  ctx.done(attrs);
  return verb;
}

export function parseRedirect(element: XmlElement, ctx: VerbContext): RedirectVerb | null {
  const attrs = ctx.attributes(element);
  const url = resolveUrl(ctx.text(element), ctx.base, (problem) => {
    ctx.problem(element, problem);
  });
  const method = attrs.method() ?? 'POST';
  ctx.done(attrs);
  return url === null ? null : { verb: 'Redirect', target: { url, method } };
}

export function parseReject(element: XmlElement, ctx: VerbContext): Verb {
  const attrs = ctx.attributes(element);
  const reason = attrs.oneOf('reason', ['rejected', 'busy'], 'rejected');
  ctx.done(attrs);
  return { verb: 'Reject', reason };
}

/** `<Enqueue action method waitUrl waitUrlMethod>queue name</Enqueue>`. */
export function parseEnqueue(element: XmlElement, ctx: VerbContext): EnqueueVerb {
  const attrs = ctx.attributes(element);
  const queue = ctx.text(element);
  if (queue === '') ctx.problem(element, 'needs a queue name');
  const verb: EnqueueVerb = {
    verb: 'Enqueue',
    queue,
    action: attrs.target('action', 'method'),
    waitUrl: attrs.target('waitUrl', 'waitUrlMethod'),
  };
  ctx.done(attrs);
  return verb;
}
