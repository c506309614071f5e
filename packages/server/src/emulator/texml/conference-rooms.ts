import type { DialNoun } from './texml-verbs.js';

type ConferenceNoun = Extract<DialNoun, { noun: 'Conference' }>;

export interface Participant {
  readonly callSid: string;
  readonly joinedAt: number;
  muted: boolean;
  hold: boolean;
  readonly startConferenceOnEnter: boolean;
  readonly endConferenceOnExit: boolean;
}

/** A conference as `<Dial><Conference>` makes it: named per account, ended when empty. */
export interface Conference {
  readonly sid: string;
  readonly accountId: string;
  readonly name: string;
  status: 'init' | 'in-progress' | 'completed';
  readonly createdAt: number;
  updatedAt: number;
  readonly participants: Map<string, Participant>;
  /** Settles when the conference ends; participants' `<Dial>` then goes on. */
  readonly ended: Promise<void>;
  end(): void;
}

/**
 * The emulator's conferences. No audio is mixed: a participant is a call that waits in the
 * room until it hangs up, leaves, or the conference ends. Ended conferences stay listed.
 */
export class ConferenceRooms {
  readonly #rooms = new Map<string, Conference>();
  readonly #now: () => number;
  readonly #newId: () => string;

  constructor(now: () => number, newId: () => string) {
    this.#now = now;
    this.#newId = newId;
  }

  /** Joins the account's live conference of that name, or opens one. Null when it is full. */
  join(accountId: string, callSid: string, noun: ConferenceNoun): Conference | null {
    const room = this.#live(accountId, noun.name) ?? this.#open(accountId, noun.name);
    if (room.participants.size >= noun.maxParticipants) return null;
    room.participants.set(callSid, {
      callSid,
      joinedAt: this.#now(),
      muted: noun.muted,
      hold: false,
      startConferenceOnEnter: noun.startConferenceOnEnter,
      endConferenceOnExit: noun.endConferenceOnExit,
    });
    if (noun.startConferenceOnEnter && room.status === 'init') room.status = 'in-progress';
    room.updatedAt = this.#now();
    return room;
  }

  /** A participant left (hangup or the Dial ended); the last one out, or a moderator, ends it. */
  leave(room: Conference, callSid: string): void {
    const participant = room.participants.get(callSid);
    if (participant === undefined) return;
    room.participants.delete(callSid);
    room.updatedAt = this.#now();
    if (participant.endConferenceOnExit || room.participants.size === 0) room.end();
  }

  list(accountId: string): Conference[] {
    return [...this.#rooms.values()].filter((room) => room.accountId === accountId);
  }

  get(accountId: string, sid: string): Conference | null {
    const room = this.#rooms.get(sid);
    return room?.accountId === accountId ? room : null;
  }

  #live(accountId: string, name: string): Conference | undefined {
    return this.list(accountId).find((room) => room.name === name && room.status !== 'completed');
  }

  #open(accountId: string, name: string): Conference {
    let finish: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const now = this.#now();
    const room: Conference = {
      sid: this.#newId(),
      accountId,
      name,
      status: 'init',
      createdAt: now,
      updatedAt: now,
      participants: new Map(),
      ended,
      end: () => {
        if (room.status === 'completed') return;
        room.status = 'completed';
        room.updatedAt = this.#now();
        finish();
      },
    };
    this.#rooms.set(room.sid, room);
    return room;
  }
}
