import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../../storage/store.js';
import type { TexmlApplication } from './texml-application-contract.js';
import type { CallState } from '../calls/call-state.js';
import type { Admission } from '../queues/queue-engine.js';
import type { EmitInput } from '../emulator-deps.js';
import { TexmlConferences } from './conference-rooms.js';
import type { EmulatedCalls } from './emulated-calls.js';
import type { FarEndStep } from './texml-route-contract.js';
import { requestMethod } from './texml-application-spec.js';
import {
  rfc2822,
  TEXML_CALL_KIND,
  TEXML_RECORDING_KIND,
  type CallbackTarget,
  decodeTexmlCallRecord,
  type TexmlCallRecord,
  type TexmlDirection,
  type TexmlRecording,
} from './texml-call-record.js';
import { recordingUrl } from './recording-url.js';
import { TexmlLeg, type LegPorts } from './texml-leg.js';
import type { TexmlSettings } from './texml-options.js';
import { statusParams } from './texml-params.js';
import type { TexmlRequester } from './texml-requests.js';
import { TexmlSession, type FirstDocument } from './texml-session.js';
import type { ActionTarget, DialNoun, DialVerb } from './texml-verbs.js';
import type { CallDirectory } from './verb-host.js';

/** Every progress event: what an application's `status_callback` gets (docs/decisions.md). */
export const ALL_STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

export interface TexmlCallsPorts {
  readonly store: Store;
  readonly calls: EmulatedCalls;
  readonly requester: TexmlRequester;
  readonly settings: TexmlSettings;
  readonly now: () => number;
  readonly newId: () => string;
  readonly onError: (error: unknown) => void;
}

/** A call to start: its parties, where its first document comes from, and its callbacks. */
export interface TexmlCallStart {
  readonly accountId: string;
  readonly application: TexmlApplication;
  readonly from: string;
  readonly to: string;
  readonly direction: 'inbound' | 'outbound-api';
  readonly first: FirstDocument;
  readonly statusCallback: CallbackTarget | null;
  readonly timeoutSecs: number;
  readonly timeLimitSecs: number;
  readonly script: readonly FarEndStep[];
}

/** How often the end of a call that is not a TeXML leg (a Call Control call in a queue) is checked. */
const POLL_ENDED_MS = 100;

/**
 * The TeXML calls of the server: each is an emulated Call Control call whose events are
 * routed here instead of to a webhook, with a {@link TexmlSession} running its documents.
 */
export class TexmlCalls implements CallDirectory {
  readonly conferences: TexmlConferences;
  readonly #ports: TexmlCallsPorts;
  readonly #legs = new Map<string, TexmlLeg>();
  readonly #sessions = new Map<string, TexmlSession>();

  constructor(ports: TexmlCallsPorts) {
    this.#ports = ports;
    this.conferences = new TexmlConferences(ports.calls.conferences);
  }

  /** True for events of a call this service placed; those never go to a webhook. */
  owns(input: EmitInput): boolean {
    return this.#legs.has(String(input.payload['call_control_id']));
  }

  /** Called from inside the call engine's lock: hands the event over without waiting. */
  observe(input: EmitInput): void {
    const id = String(input.payload['call_control_id']);
    const leg = this.#legs.get(id);
    if (leg === undefined) return;
    leg.observe({ type: input.eventType, payload: input.payload });
    if (input.eventType === 'call.recording.saved') this.#saveRecording(leg, input.payload);
    if (input.eventType === 'call.hangup') {
      this.#sessions.delete(id);
      void leg.settled().then(() => this.#legs.delete(id));
    }
  }

  /** Starts a call and, once it is answered (inbound: by us, outbound: by the far end), its session. */
  async start(start: TexmlCallStart): Promise<TexmlCallRecord> {
    const id = this.#ports.calls.newCallId();
    const leg = this.#newLeg(start.accountId, id, {
      applicationId: start.application.id,
      from: start.from,
      to: start.to,
      direction: start.direction,
      parentCallSid: null,
      statusCallback: start.statusCallback,
    });
    const session = new TexmlSession(leg, start.first, start.script, this.#sessionPorts());
    this.#sessions.set(id, session);
    const inbound = start.direction === 'inbound';
    await this.#ports.calls.place(start.accountId, id, {
      connectionId: start.application.id,
      from: start.from,
      to: start.to,
      direction: inbound ? 'incoming' : 'outgoing',
      timeoutSecs: inbound ? null : start.timeoutSecs,
      timeLimitSecs: start.timeLimitSecs,
      sessionId: null,
    });
    void this.#runWhenAnswered(leg, session, inbound).catch(this.#ports.onError);
    return leg.record;
  }

  async dialLeg(
    parent: TexmlLeg,
    noun: Extract<DialNoun, { noun: 'Number' | 'Sip' }>,
    dial: DialVerb,
  ): Promise<TexmlLeg> {
    const id = this.#ports.calls.newCallId();
    // Without callerId the leg shows the parent's From: the caller of an inbound call, the
    // app's own number on an outbound one.
    const from = dial.callerId ?? parent.record.from;
    const callback = noun.statusCallback;
    const leg = this.#newLeg(parent.record.accountId, id, {
      applicationId: parent.record.applicationId,
      from,
      to: noun.to,
      direction: 'outbound-dial',
      parentCallSid: parent.record.sid,
      statusCallback: callback === null ? null : { ...callback, events: noun.statusCallbackEvents },
    });
    const parentCall = await this.#ports.calls.find(parent.record.accountId, parent.record.sid);
    await this.#ports.calls.place(parent.record.accountId, id, {
      connectionId: parent.record.applicationId,
      from,
      to: noun.to,
      direction: 'outgoing',
      timeoutSecs: dial.timeoutSecs,
      timeLimitSecs: dial.timeLimitSecs,
      sessionId: parentCall?.sessionId ?? null,
    });
    return leg;
  }

  find(accountId: string, callId: string): Promise<CallState | null> {
    return this.#ports.calls.find(accountId, callId);
  }

  async ended(accountId: string, callId: string): Promise<void> {
    const leg = this.#legs.get(callId);
    if (leg !== undefined) {
      await leg.events.until(0, () => false);
      return;
    }
    for (;;) {
      const call = await this.#ports.calls.find(accountId, callId);
      if (call === null || call.phase === 'ended') return;
      await sleep(POLL_ENDED_MS);
    }
  }

  admit(accountId: string, queue: string, requestedMax: number): Promise<Admission> {
    return this.#ports.calls.admit(accountId, queue, requestedMax);
  }

  waiting(accountId: string, queue: string): CallState[] {
    return this.#ports.calls.waiting(accountId, queue);
  }

  /** Every live call of the account waiting in some queue. */
  waitingAll(accountId: string): CallState[] {
    return this.#ports.calls.waitingAll(accountId);
  }

  /** The call's record: live from memory, else as stored. */
  async record(accountId: string, sid: string): Promise<TexmlCallRecord | null> {
    const leg = this.#legs.get(sid);
    if (leg !== undefined) return leg.record.accountId === accountId ? leg.record : null;
    const stored = await this.#ports.store.getResource(accountId, TEXML_CALL_KIND, sid);
    return stored === null ? null : decodeTexmlCallRecord(stored.data);
  }

  async list(accountId: string): Promise<TexmlCallRecord[]> {
    const stored = await this.#ports.store.listResources(accountId, TEXML_CALL_KIND);
    return stored.map((resource) => {
      const record = decodeTexmlCallRecord(resource.data);
      return this.#legs.get(record.sid)?.record ?? record;
    });
  }

  /**
   * After a restart: interpreter state lived in memory, so a call that was live is hung up
   * (its Call Control call was restored by the call engine) and its record says why.
   */
  async endOrphans(): Promise<number> {
    let ended = 0;
    for (const account of await this.#ports.store.listAccounts()) {
      for (const resource of await this.#ports.store.listResources(account.id, TEXML_CALL_KIND)) {
        const record = decodeTexmlCallRecord(resource.data);
        if (record.endedAt !== null || this.#legs.has(record.sid)) continue;
        const leg = new TexmlLeg(record, null, this.#legPorts());
        this.#legs.set(record.sid, leg);
        leg.log('note', 'the server restarted while the call was live: the call is hung up');
        if (!(await this.#ports.calls.command(account.id, record.sid, { name: 'hangup' }))) {
          leg.update({ status: 'failed', endedAt: this.#ports.now() });
          this.#legs.delete(record.sid);
        }
        await leg.settled();
        ended++;
      }
    }
    return ended;
  }

  /** REST `Status=completed`/`canceled`: hangs up (cancels a call still ringing). */
  async hangup(accountId: string, sid: string): Promise<void> {
    await this.#ports.calls.command(accountId, sid, { name: 'hangup' });
  }

  /** REST `Url`/`Texml`: the running verb stops and the call goes on with the new document. */
  redirect(sid: string, target: ActionTarget | string, fallbackUrl: string | null): boolean {
    const session = this.#sessions.get(sid);
    if (session === undefined) return false;
    session.redirect(target, fallbackUrl);
    return true;
  }

  /** A saved recording, as the REST API's Recordings list it (ids from the file's URL). */
  #saveRecording(leg: TexmlLeg, payload: Readonly<Record<string, unknown>>): void {
    const url = recordingUrl(payload['recording_urls']);
    const sid = /([0-9a-f-]{36})\.(mp3|wav)$/.exec(url)?.[1] ?? this.#ports.newId();
    const started = Date.parse(String(payload['recording_started_at']));
    const ended = Date.parse(String(payload['recording_ended_at']));
    const { accountId } = leg.record;
    const now = this.#ports.now();
    const data: TexmlRecording = {
      account_sid: accountId,
      call_sid: leg.record.sid,
      channels: payload['channels'] === 'dual' ? 2 : 1,
      date_created: rfc2822(started),
      date_updated: rfc2822(ended),
      duration: String(Math.max(0, Math.round((ended - started) / 1000))),
      media_url: url,
      sid,
      source: 'StartCallRecordingAPI',
      start_time: rfc2822(started),
      status: 'completed',
      uri: `/v2/texml/Accounts/${accountId}/Recordings/${sid}.json`,
    };
    void this.#ports.store
      .putResource({
        accountId,
        kind: TEXML_RECORDING_KIND,
        id: sid,
        data,
        createdAt: now,
        updatedAt: now,
      })
      .catch(this.#ports.onError);
  }

  async #runWhenAnswered(leg: TexmlLeg, session: TexmlSession, inbound: boolean): Promise<void> {
    if (inbound) await leg.command({ name: 'answer', recordOnAnswer: null, stream: null });
    const answered = await leg.events.until(0, (event) => event.type === 'call.answered');
    if (answered.kind === 'event') await session.run();
  }

  #newLeg(
    accountId: string,
    sid: string,
    fields: {
      readonly applicationId: string;
      readonly from: string;
      readonly to: string;
      readonly direction: TexmlDirection;
      readonly parentCallSid: string | null;
      readonly statusCallback: CallbackTarget | null;
    },
  ): TexmlLeg {
    const { statusCallback, ...rest } = fields;
    const record: TexmlCallRecord = {
      ...rest,
      sid,
      accountId,
      status: 'queued',
      startedAt: this.#ports.now(),
      answeredAt: null,
      endedAt: null,
      log: [],
    };
    const leg = new TexmlLeg(record, statusCallback, this.#legPorts());
    this.#legs.set(sid, leg);
    leg.update({});
    return leg;
  }

  #legPorts(): LegPorts {
    const { store, calls, requester, settings, now, onError } = this.#ports;
    return {
      apply: (accountId, callId, command) => calls.command(accountId, callId, command),
      save: (record) =>
        store.putResource({
          accountId: record.accountId,
          kind: TEXML_CALL_KIND,
          id: record.sid,
          data: record,
          createdAt: record.startedAt,
          updatedAt: now(),
        }),
      statusCallback: async (record, target, event, sequence) => {
        await requester.deliverInOrder({
          accountId: record.accountId,
          eventType: 'texml.status_callback',
          url: target.url,
          failoverUrl: null,
          method: target.method,
          params: statusParams(record, event, sequence, now()),
          timeoutMs: settings.fetchTimeoutMs,
        });
      },
      now,
      onError,
    };
  }

  #sessionPorts(): ConstructorParameters<typeof TexmlSession>[3] {
    const { calls, requester, settings, newId, now } = this.#ports;
    return {
      now,
      requester,
      calls: this,
      conferences: this.conferences,
      settings,
      timings: calls.timings,
      newId,
      farEnd: async (leg, step) => {
        const { accountId, sid } = leg.record;
        if ('dtmf' in step) await calls.farEnd(accountId, sid, { name: 'dtmf', digits: step.dtmf });
        else if ('speech' in step)
          await calls.farEnd(accountId, sid, { name: 'speech', text: step.speech });
        else await calls.farEnd(accountId, sid, { name: 'hangup' });
      },
    };
  }
}

/** An application's own status callback: every progress event, with its method. */
export function applicationStatusCallback(application: TexmlApplication): CallbackTarget | null {
  const url = application.status_callback;
  if (url === null || url === '') return null;
  return {
    url,
    method: requestMethod(application.status_callback_method),
    events: ALL_STATUS_EVENTS,
  };
}
