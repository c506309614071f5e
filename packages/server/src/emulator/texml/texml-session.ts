import type { CallTimings } from '../calls/call-timings.js';
import type { Command } from '../calls/call-input.js';
import type { CallEvent, WaitResult } from './call-events.js';
import type { TexmlConferences } from './conference-rooms.js';
import { parseTexml } from './parse-texml.js';
import { runDial } from './run-dial.js';
import { runGather } from './run-gather.js';
import { runPause, runPlay, runSay } from './run-media-verbs.js';
import { runEnqueue, runLeave } from './run-queue-verbs.js';
import { runRecord, runStartRecording } from './run-record.js';
import { runStopStream, runStream } from './run-stream-verbs.js';
import type { FarEndStep } from './texml-route-contract.js';
import type { TexmlLeg } from './texml-leg.js';
import type { TexmlSettings } from './texml-options.js';
import { callParams } from './texml-params.js';
import type { TexmlRequester } from './texml-requests.js';
import type { ActionTarget, Method, Verb } from './texml-verbs.js';
import { NEXT, STOP, type CallDirectory, type VerbHost, type VerbOutcome } from './verb-host.js';

/**
 * Documents fetched in a row without a verb that takes time (Redirect loops, actions that
 * answer at once): past this the call is ended as an application error.
 */
export const MAX_IDLE_DOCUMENTS = 20;

/** Verbs that let time pass on the call; running one resets the idle-document count. */
const TIMED_VERBS = new Set(['Say', 'Play', 'Pause', 'Gather', 'Dial', 'Record', 'Enqueue']);

/** Where the first document comes from: the app's URL (with its fallback) or inline TeXML. */
export interface FirstDocument {
  readonly target: ActionTarget;
  readonly fallbackUrl: string | null;
  readonly inline: string | null;
}

export interface SessionPorts {
  readonly requester: TexmlRequester;
  readonly calls: CallDirectory;
  readonly conferences: TexmlConferences;
  readonly settings: TexmlSettings;
  readonly timings: CallTimings;
  readonly newId: () => string;
  readonly now: () => number;
  /** Performs one scripted far-end move on the call. */
  readonly farEnd: (leg: TexmlLeg, step: FarEndStep) => Promise<void>;
}

interface Next {
  readonly target: ActionTarget;
  readonly params: Readonly<Record<string, string>>;
  /** TeXML given in a REST update instead of a URL to fetch. */
  readonly inline?: string;
}

/**
 * Runs a TeXML call: fetches a document, runs its verbs top to bottom on the emulated call,
 * follows action URLs and Redirects, and hangs up when a document runs out. A failed fetch
 * or an invalid document goes to the fallback URL; when that fails too, the call is hung up
 * (docs/texml.md). A REST update (`Url`) cuts the running verb short and fetches anew.
 */
export class TexmlSession implements VerbHost {
  readonly leg: TexmlLeg;
  readonly settings: TexmlSettings;
  readonly timings: CallTimings;
  readonly calls: CallDirectory;
  readonly conferences: TexmlConferences;
  documentUrl: string;
  appMethod: Method;
  readonly #ports: SessionPorts;
  readonly #first: FirstDocument;
  readonly #script: FarEndStep[];
  #fallbackUrl: string | null;
  #redirect: Next | null = null;

  constructor(
    leg: TexmlLeg,
    first: FirstDocument,
    script: readonly FarEndStep[],
    ports: SessionPorts,
  ) {
    this.leg = leg;
    this.settings = ports.settings;
    this.timings = ports.timings;
    this.calls = ports.calls;
    this.conferences = ports.conferences;
    this.documentUrl = first.target.url;
    this.appMethod = first.target.method;
    this.#first = first;
    this.#fallbackUrl = first.fallbackUrl;
    this.#script = [...script];
    this.#ports = ports;
  }

  /** Runs the call to its end. Never throws: a fault is logged on the call, which is hung up. */
  async run(): Promise<void> {
    try {
      await this.#run();
    } catch (error) {
      this.leg.log('error', `interpreter fault: ${(error as Error).message}`);
      await this.command({ name: 'hangup' });
    }
  }

  /** REST `Url` or `Texml`: the running verb stops and the call continues with a new document. */
  redirect(target: ActionTarget | string, fallbackUrl: string | null): void {
    this.#redirect =
      typeof target === 'string'
        ? { target: { url: this.documentUrl, method: this.appMethod }, params: {}, inline: target }
        : { target, params: {} };
    if (fallbackUrl !== null) this.#fallbackUrl = fallbackUrl;
    this.leg.events.interrupt();
  }

  async command(command: Command): Promise<boolean> {
    if (this.leg.events.ended) return false;
    return this.leg.command(command);
  }

  mark(): number {
    return this.leg.events.mark();
  }

  until(
    since: number,
    match: (event: CallEvent) => boolean,
    timeoutMs: number | null = null,
    signal?: AbortSignal,
  ): Promise<WaitResult> {
    return this.leg.events.until(since, match, timeoutMs, signal);
  }

  sleep(ms: number): Promise<WaitResult> {
    return this.until(this.mark(), () => false, ms);
  }

  async farEndListens(): Promise<void> {
    const step = this.#script.shift();
    if (step !== undefined) await this.#ports.farEnd(this.leg, step);
  }

  notify(eventType: string, target: ActionTarget, params: Readonly<Record<string, string>>): void {
    void this.#ports.requester
      .notify({
        accountId: this.leg.record.accountId,
        eventType,
        url: target.url,
        failoverUrl: null,
        method: target.method,
        params,
        timeoutMs: this.settings.fetchTimeoutMs,
      })
      .then(
        (deliveryId) => {
          this.leg.log('request', `${target.method} ${target.url} (${eventType})`, { deliveryId });
        },
        (error: unknown) => {
          this.leg.log('error', `${eventType} not queued: ${(error as Error).message}`);
        },
      );
  }

  newId(): string {
    return this.#ports.newId();
  }

  now(): number {
    return this.#ports.now();
  }

  async #run(): Promise<void> {
    let verbs = await this.#firstDocument();
    let idle = 0;
    while (verbs !== null && !this.leg.events.ended) {
      const next = await this.#runVerbs(verbs, () => (idle = 0));
      if (next === null || this.#over()) break;
      if (++idle > MAX_IDLE_DOCUMENTS) {
        this.leg.log(
          'error',
          `more than ${MAX_IDLE_DOCUMENTS} documents without a verb that takes time`,
        );
        verbs = null;
        break;
      }
      verbs =
        next.inline === undefined
          ? await this.fetchDocument(next.target, next.params)
          : this.#inlineDocument(next.inline, next.target.url);
    }
    if (!this.leg.events.ended) {
      if (verbs === null) this.leg.log('error', 'no usable document: the call is hung up');
      else this.leg.log('note', 'end of document: the call is hung up');
      await this.command({ name: 'hangup' });
    }
  }

  /** Read through a method: the call may end during any await of the loop. */
  #over(): boolean {
    return this.leg.events.ended;
  }

  async #firstDocument(): Promise<readonly Verb[] | null> {
    const inline = this.#first.inline;
    if (inline === null) return this.fetchDocument(this.#first.target, {});
    return this.#inlineDocument(inline, this.#first.target.url);
  }

  /** TeXML given with the call (`Texml`) rather than fetched; relative URLs use `base`. */
  #inlineDocument(inline: string, base: string): readonly Verb[] | null {
    this.leg.log('document', 'inline TeXML', { document: inline });
    const parsed = parseTexml(inline, base);
    if (parsed.ok) return parsed.verbs;
    this.leg.log('error', `invalid inline TeXML: ${parsed.reason}`);
    return null;
  }

  /** Runs verbs in order; the next document to fetch, or null when the document ran out. */
  async #runVerbs(verbs: readonly Verb[], tookTime: () => void): Promise<Next | null> {
    for (const verb of verbs) {
      if (TIMED_VERBS.has(verb.verb)) tookTime();
      this.leg.log('verb', describe(verb));
      const outcome = await this.#runVerb(verb);
      const redirect = this.#takeRedirect();
      if (redirect !== null) return redirect;
      if (outcome.kind === 'stop') return null;
      if (outcome.kind === 'fetch') return { target: outcome.target, params: outcome.params };
    }
    return null;
  }

  #takeRedirect(): Next | null {
    const redirect = this.#redirect;
    this.#redirect = null;
    return redirect === null || this.leg.events.ended ? null : redirect;
  }

  #runVerb(verb: Verb): Promise<VerbOutcome> {
    switch (verb.verb) {
      case 'Say':
        return runSay(verb, this);
      case 'Play':
        return runPlay(verb, this);
      case 'Pause':
        return runPause(verb, this);
      case 'Gather':
        return runGather(verb, this);
      case 'Dial':
        return runDial(verb, this);
      case 'Record':
        return runRecord(verb, this);
      case 'Redirect':
        return Promise.resolve({ kind: 'fetch', target: verb.target, params: {} });
      case 'Hangup':
        return this.command({ name: 'hangup' }).then(() => STOP);
      case 'Reject':
        return this.command({
          name: 'reject',
          cause: verb.reason === 'busy' ? 'USER_BUSY' : 'CALL_REJECTED',
        }).then(() => STOP);
      case 'Enqueue':
        return runEnqueue(
          verb,
          this,
          (target, params) => this.fetchDocument(target, params),
          (nested) => this.#runNested(nested),
        );
      case 'Leave':
        return runLeave(this);
      case 'Stream':
        return runStream(verb, this);
      case 'StopStream':
        return runStopStream(this);
      case 'StartRecording':
        return runStartRecording(verb, this);
      case 'StopRecording':
        return this.command({ name: 'record_stop' }).then(() => NEXT);
      case 'Skipped':
        this.leg.log('note', `<${verb.name}> is not emulated and was skipped`);
        return Promise.resolve(NEXT);
    }
  }

  /** A wait document's verbs; a Redirect or Hangup in it ends the wait like a verb would. */
  async #runNested(verbs: readonly Verb[]): Promise<VerbOutcome> {
    for (const verb of verbs) {
      const outcome = await this.#runVerb(verb);
      if (outcome.kind !== 'next') return outcome;
    }
    return NEXT;
  }

  /**
   * Requests a document (primary, then the fallback URL in the same round when the primary
   * fails) and parses it. A reply that is not a usable document goes to the fallback URL too.
   */
  async fetchDocument(
    target: ActionTarget,
    extra: Readonly<Record<string, string>>,
  ): Promise<readonly Verb[] | null> {
    const params = { ...callParams(this.leg.record), ...extra };
    const fallback =
      this.#fallbackUrl !== null && this.#fallbackUrl !== target.url ? this.#fallbackUrl : null;
    const reply = await this.#request(target, fallback, params);
    if (reply === null) return null;
    const parsed = parseTexml(reply.body, reply.url);
    if (parsed.ok) {
      this.documentUrl = reply.url;
      return parsed.verbs;
    }
    this.leg.log('error', `invalid document from ${reply.url}: ${parsed.reason}`);
    if (fallback === null || reply.url === fallback) return null;
    const second = await this.#request({ url: fallback, method: target.method }, null, {
      ...params,
      ErrorCode: '12100',
      ErrorMessage: parsed.reason,
    });
    if (second === null) return null;
    const again = parseTexml(second.body, second.url);
    if (!again.ok) {
      this.leg.log('error', `invalid document from ${second.url}: ${again.reason}`);
      return null;
    }
    this.documentUrl = second.url;
    return again.verbs;
  }

  async #request(
    target: ActionTarget,
    fallbackUrl: string | null,
    params: Readonly<Record<string, string>>,
  ): Promise<{ url: string; body: string } | null> {
    const reply = await this.#ports.requester.fetch({
      accountId: this.leg.record.accountId,
      eventType: 'texml.instructions',
      url: target.url,
      failoverUrl: fallbackUrl,
      method: target.method,
      params,
      timeoutMs: this.settings.fetchTimeoutMs,
    });
    for (const failure of reply.failures) this.leg.log('error', `request failed: ${failure}`);
    if (reply.delivered === null) return null;
    this.leg.log(
      'document',
      `${target.method} ${reply.delivered.url} → ${reply.delivered.status}`,
      {
        document: reply.delivered.body.slice(0, 10_240),
      },
    );
    return reply.delivered;
  }
}

function describe(verb: Verb): string {
  switch (verb.verb) {
    case 'Say':
      return `<Say> ${verb.text}`;
    case 'Play':
      return `<Play> ${verb.url || `digits ${verb.digits ?? ''}`}`;
    case 'Dial':
      return `<Dial> ${verb.nouns.map((noun) => ('to' in noun ? noun.to : noun.name)).join(', ')}`;
    case 'Redirect':
      return `<Redirect> ${verb.target.url}`;
    case 'Enqueue':
      return `<Enqueue> ${verb.queue}`;
    case 'Skipped':
      return `<${verb.name}>`;
    default:
      return `<${verb.verb}>`;
  }
}
