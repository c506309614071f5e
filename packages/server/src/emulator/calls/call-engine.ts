import { LRUCache } from 'lru-cache';
import { missingIssue } from '../../http/validation/issues.js';
import { NotFoundError, ValidationError } from '../../support/errors/api-error.js';
import { findNumber } from '../phone-numbers/phone-number-store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import {
  CallStateError,
  InvalidCallControlIdError,
  InvalidConnectionError,
} from './call-errors.js';
import { callControlIdFrom, uuidFrom } from './call-ids.js';
import type { Command, Effect, FarEndAction } from './call-input.js';
import type { MediaPlane } from '../media/media-plane.js';
import { CallRuntime, type CallRuntimeOptions } from './call-runtime.js';
import type { CallState } from './call-state.js';
import { FoundIssues } from './found-issues.js';
import { COMMANDS, phoneOf, type ParseContext, type ParsedCommand } from './command-bodies.js';
import type { ReadCommand } from './command-declaration.js';
import { dialRequestOf, type DialBody } from './dial-request.js';
import type { SimulatedCallBody } from './simulate-bodies.js';
import { createCall, type NewCall } from './new-call.js';
import { COMMAND_ID_WINDOW_MS } from './call-machine.js';
import { ownMember } from '../../support/own-member.js';
import type { ExtendedCommand } from './extended-command.js';
import { EXTENDED_NAMES, extendedReply } from './extended-commands.js';
import { UnknownConversationError } from './call-errors.js';
import { ConferenceEngine } from '../conferences/conference-engine.js';
import { EmptyQueueError } from '../queues/queue-errors.js';
import { QueueEngine, type CallCommander } from '../queues/queue-engine.js';
import { RecordingBook } from '../recordings/recording-book.js';

export interface CallEngineOptions extends Omit<CallRuntimeOptions, 'observer'> {
  /** The audio side; without one, calls are silent and streams never open. */
  readonly media?: MediaPlane;
  /** How many Dial command_ids are remembered at most (the newest); default 10,000. */
  readonly rememberedDials?: number;
}

/** About 2 MB at most: one Dial a second per account for hours stays far below it. */
const REMEMBERED_DIALS = 10_000;

interface RememberedDial {
  readonly callId: string;
  readonly at: number;
}

/**
 * Takes a simulated inbound call for a connection that is not a call control application
 * (a TeXML application); resolves null to leave the call to Call Control.
 */
export type InboundHandler = (accountId: string, body: unknown) => Promise<CallState | null>;

/**
 * The Call Control emulator behind the routes: validates requests, creates calls and feeds
 * commands, far-end actions and timers to their state machines.
 */
export class CallEngine {
  readonly runtime: CallRuntime;
  readonly queues: QueueEngine;
  readonly recordings: RecordingBook;
  readonly conferences: ConferenceEngine;
  readonly #deps: EmulatorDeps;
  readonly #media: MediaPlane | null;
  /**
   * Dial command_ids (`account:command_id` → call id and when first seen), answered for 60 s. At
   * most `rememberedDials` are kept: a client sending new ids faster than they expire pushes the
   * least recently used out instead of growing the map.
   */
  readonly #dials: LRUCache<string, RememberedDial>;
  /** Set by the TeXML emulator; asked first about every simulated inbound call. */
  inboundHandler: InboundHandler | null = null;

  constructor(deps: EmulatorDeps, options: CallEngineOptions = {}) {
    this.#deps = deps;

    const { media, rememberedDials, ...runtimeOptions } = options;
    this.#dials = new LRUCache({ max: rememberedDials ?? REMEMBERED_DIALS });
    this.runtime = new CallRuntime(deps, {
      ...runtimeOptions,
      ...(media === undefined ? {} : { observer: media }),
    });
    this.runtime.onTransfer = (origin, effect) => this.#transfer(origin, effect);
    this.#media = media ?? null;
    if (media !== undefined)
      media.reporter = async (account, callId, event) => {
        await this.runtime.apply(account, callId, { type: 'media', event });
      };
    const commander: CallCommander = (accountId, id, action, body) =>
      this.command(accountId, id, action, body);
    this.queues = new QueueEngine(deps, this.runtime, commander);
    this.recordings = new RecordingBook(deps, this.runtime);
    this.conferences = new ConferenceEngine(deps, this.runtime, commander, this.recordings);
  }

  /** `POST /v2/calls`. A repeated command_id within 60 s returns the first call unchanged. */
  async dial(accountId: string, body: DialBody): Promise<CallState> {
    const request = dialRequestOf(body, this.#parseContext());
    const repeated = await this.#repeatedDial(accountId, request.commandId);
    if (repeated !== null) return repeated;
    await this.#requireApplication(accountId, request.connectionId);
    const { stream, conferenceConfig, ...rest } = request;
    const call = this.#newCall(accountId, {
      ...rest,
      direction: 'outgoing',
      streamOnAnswer: stream,
      transferOf: null,
      sessionId: null,
      conferenceOnAnswer: conferenceConfig,
    });
    if (request.commandId !== null)
      this.#dials.set(`${accountId}:${request.commandId}`, {
        callId: call.id,
        at: this.#deps.now(),
      });
    return this.#start(call);
  }

  /** `POST /switchboard/simulate/calls`: an incoming call, parked until the app answers. */
  async simulateInbound(accountId: string, body: SimulatedCallBody): Promise<CallState> {
    const handled = await this.inboundHandler?.(accountId, body);
    if (handled != null) return handled;
    const { from, to } = simulatedParties(body);
    const connectionId = body.connection_id ?? (await this.#connectionOf(accountId, to));
    await this.#requireApplication(accountId, connectionId);
    const call = this.#newCall(accountId, {
      connectionId,
      from,
      to,
      direction: 'incoming',
      clientState: null,
      routing: null,
      amd: 'disabled',
      timeoutSecs: null,
      timeLimitSecs: 14_400,
      recordOnAnswer: null,
      streamOnAnswer: null,
      transferOf: null,
      sessionId: null,
      commandId: null,
    });
    return this.#start(call);
  }

  async get(accountId: string, id: string): Promise<CallState> {
    const state = await this.runtime.find(accountId, id);
    if (state === null) throw new InvalidCallControlIdError();
    return state;
  }

  /**
   * A command another emulator runs (a queue's enqueue, a conference's hangup): its body is
   * checked against the command's declaration as the route would; the reply's extra fields.
   */
  async command(
    accountId: string,
    id: string,
    action: string,
    body: unknown,
  ): Promise<CommandExtras> {
    return this.run(accountId, id, declaredCommand(action).read(body, this.#parseContext()));
  }

  /** `POST /v2/calls/{id}/actions/{action}` with its checked body; the reply's extra fields. */
  async commandChecked(
    accountId: string,
    id: string,
    action: string,
    body: unknown,
  ): Promise<CommandExtras> {
    const read = declaredCommand(action).readChecked(body, this.#parseContext());
    return this.run(accountId, id, read);
  }

  async run(accountId: string, id: string, read: ReadCommand): Promise<CommandExtras> {
    const { parsed, common } = read;
    const state = await this.get(accountId, id);
    const command = await this.#resolve(accountId, state, parsed);
    const result = await this.runtime.apply(accountId, id, { type: 'command', command, common });
    if (result === null) throw new InvalidCallControlIdError();
    if (!result.ok) throw new CallStateError(result.refusal);
    if (command.name === 'answer' && command.recordOnAnswer !== null)
      return { recording_id: command.recordOnAnswer.id };
    return isExtendedCommand(command) ? extendedReply(command) : {};
  }

  /** `POST /switchboard/simulate/calls/{id}/actions/{action}`: the remote party acts. */
  async farEnd(accountId: string, id: string, action: FarEndAction): Promise<void> {
    const input = { type: 'far_end', action } as const;
    await this.get(accountId, id);
    const result = await this.runtime.apply(accountId, id, input);
    if (result !== null && !result.ok) throw new CallStateError(result.refusal);
  }

  #parseContext(): ParseContext {
    return { timings: this.runtime.timings, newId: () => uuidFrom(() => this.#deps.random()) };
  }

  async #repeatedDial(accountId: string, commandId: string | null): Promise<CallState | null> {
    if (commandId === null) return null;
    const key = `${accountId}:${commandId}`;
    const seen = this.#dials.get(key);
    if (seen === undefined) return null;
    if (this.#deps.now() - seen.at < COMMAND_ID_WINDOW_MS)
      return this.runtime.find(accountId, seen.callId);
    this.#dials.delete(key);
    return null;
  }

  /** Without a `connection_id`, an inbound call goes to the application its `to` number has. */
  async #connectionOf(accountId: string, to: string): Promise<string> {
    const number = await findNumber(this.#deps.store, accountId, to);
    if (number?.connection_id) return number.connection_id;
    throw new ValidationError([
      {
        ...missingIssue({ pointer: '/connection_id' }),
        detail: `No connection_id given, and ${to} is not a number of this account with one.`,
      },
    ]);
  }

  /** Dial and inbound need a Call Control App of the account that has a webhook URL. */
  async #requireApplication(accountId: string, connectionId: string): Promise<void> {
    const app = await this.#deps.store.getResource(
      accountId,
      'call_control_application',
      connectionId,
    );
    const url = app?.data['webhook_event_url'];
    if (typeof url !== 'string' || url === '') throw new InvalidConnectionError();
  }

  #newCall(
    accountId: string,
    call: Omit<NewCall, 'id' | 'accountId' | 'legId' | 'sessionId'> & {
      readonly sessionId: string | null;
    },
  ): NewCall {
    const random = (): number => this.#deps.random();
    const sessionId = call.sessionId ?? uuidFrom(random);
    return {
      ...call,
      accountId,
      id: callControlIdFrom(random),
      legId: uuidFrom(random),
      sessionId,
    };
  }

  async #start(call: NewCall): Promise<CallState> {
    const first = createCall(call, this.runtime.context());
    if (!first.ok) throw new Error('a new call cannot be refused');
    await this.runtime.start(first);
    return first.state;
  }

  /** Fills in what a command needs from other calls: the bridge peer, the queue's size. */
  async #resolve(accountId: string, state: CallState, parsed: ParsedCommand): Promise<Command> {
    if (parsed.name === 'bridge') {
      const peer = await this.runtime.find(accountId, parsed.peerId);
      if (peer === null || peer.id === state.id) throw new InvalidCallControlIdError();
      return { name: 'bridge', peer, parkAfterUnbridge: parsed.parkAfterUnbridge };
    }
    if (parsed.name === 'bridge_queue') {
      // The head of the line is taken out of the queue by the bridge itself (reason `bridged`).
      const peer = this.queues.head(accountId, parsed.queue);
      if (peer === null || peer.id === state.id) throw new EmptyQueueError(parsed.queue);
      return { name: 'bridge', peer, parkAfterUnbridge: parsed.parkAfterUnbridge };
    }
    if (parsed.name === 'enqueue') {
      const { queue } = parsed;
      const admission = await this.queues.admit(accountId, queue, parsed.maxSize);
      return {
        name: 'enqueue',
        queue,
        maxSize: admission.maxSize,
        maxWaitMs: parsed.maxWaitMs,
        queueSize: admission.size,
        avgWaitSecs: admission.avgWaitSecs,
      };
    }
    if (parsed.name === 'ai_assistant_join') {
      if (!this.#conversationRuns(accountId, parsed.conversation.id))
        throw new UnknownConversationError();
      return parsed;
    }
    if (parsed.name === 'transfer') {
      return {
        ...parsed,
        from: parsed.from ?? (state.direction === 'incoming' ? state.from : state.to),
      };
    }
    return this.#withAudio(parsed, accountId);
  }

  /** Speak prompts last as long as their synthesised speech, once the audio side has made it. */
  async #withAudio(parsed: Command, accountId: string): Promise<Command> {
    const media = this.#media;
    if (media === null) return parsed;
    if (parsed.name === 'speak' || parsed.name === 'playback_start')
      return { ...parsed, item: await media.prepare(parsed.item, accountId) };
    if (parsed.name === 'gather' && parsed.gather.prompt !== null) {
      const prompt = await media.prepare(parsed.gather.prompt, accountId);
      return { ...parsed, gather: { ...parsed.gather, prompt } };
    }
    return parsed;
  }

  #conversationRuns(accountId: string, conversationId: string): boolean {
    for (const call of this.runtime.liveCalls())
      if (call.accountId === accountId && call.extras?.conversation?.id === conversationId)
        return true;
    return false;
  }

  /** A transfer dials a new leg in the same session; it is bridged to `origin` on answer. */
  async #transfer(origin: CallState, effect: Extract<Effect, { type: 'transfer' }>): Promise<void> {
    const call = this.#newCall(origin.accountId, {
      connectionId: origin.connectionId,
      from: effect.from,
      to: effect.to,
      direction: 'outgoing',
      clientState: effect.clientState,
      routing: origin.routing,
      amd: 'disabled',
      timeoutSecs: effect.timeoutSecs,
      timeLimitSecs: 14_400,
      recordOnAnswer: null,
      streamOnAnswer: null,
      transferOf: origin.id,
      sessionId: origin.sessionId,
      commandId: null,
    });
    await this.#start(call);
  }
}

function isExtendedCommand(command: Command): command is ExtendedCommand {
  return EXTENDED_NAMES.has(command.name);
}

/** The extra fields of a command's reply (`recording_id`, `conversation_id`, …). */
export type CommandExtras = Record<string, string>;

/** A simulated call's parties: `+E.164` numbers or SIP URIs, else one 422 naming both. */
function simulatedParties(body: SimulatedCallBody): { from: string; to: string } {
  const issues = new FoundIssues();
  const from = phoneOf(body.from, 'from', issues) ?? '';
  const to = phoneOf(body.to, 'to', issues) ?? '';
  issues.done();
  return { from, to };
}

/** The declaration of a call command by its action name; 404 for an action there is none of. */
function declaredCommand(action: string): (typeof COMMANDS)[keyof typeof COMMANDS] {
  const declaration = ownMember(COMMANDS, action);
  if (declaration === undefined) throw new NotFoundError();
  return declaration;
}
