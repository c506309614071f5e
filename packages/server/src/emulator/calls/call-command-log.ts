import { KeyedSerial } from '../keyed-serial.js';
import type { JsonObject, Store } from '../../storage/store.js';
import { decodeCommandLog, jsonOf, type CommandEntry } from './call-document.js';

/** Resource kind of a call's command log: one document per call, keyed by call control id. */
export const CALL_COMMANDS_KIND = 'call_commands';

/** Keeps a bounded log: an emulated call that loops on commands must not grow without end. */
const MAX_ENTRIES = 500;

export type { CommandEntry } from './call-document.js';

/**
 * Appends to each call's command log. Appends to one call are chained, so two commands that
 * land together never overwrite each other's read-modify-write.
 */
export class CallCommandLog {
  readonly #store: Store;
  readonly #serial = new KeyedSerial();

  constructor(store: Store) {
    this.#store = store;
  }

  append(accountId: string, callId: string, entry: CommandEntry): Promise<void> {
    return this.#serial.run(callId, () => this.#write(accountId, callId, entry));
  }

  async list(accountId: string, callId: string): Promise<readonly CommandEntry[]> {
    const resource = await this.#store.getResource(accountId, CALL_COMMANDS_KIND, callId);
    return entriesOf(resource?.data);
  }

  async #write(accountId: string, callId: string, entry: CommandEntry): Promise<void> {
    const current = await this.#store.getResource(accountId, CALL_COMMANDS_KIND, callId);
    const entries = [...entriesOf(current?.data), entry].slice(-MAX_ENTRIES);
    await this.#store.putResource({
      accountId,
      kind: CALL_COMMANDS_KIND,
      id: callId,
      data: { entries: entries.map(jsonOf) },
      createdAt: current?.createdAt ?? entry.at,
      updatedAt: entry.at,
    });
  }
}

function entriesOf(data: JsonObject | undefined): readonly CommandEntry[] {
  return data === undefined ? [] : decodeCommandLog(data).entries;
}
