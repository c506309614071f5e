import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** What a cursor file holds. */
interface CursorState {
  readonly server: string;
  readonly inbox: string | null;
  readonly cursor: number;
}

/**
 * Where `listen` remembers the last capture it finished: one small JSON file per server,
 * account and inbox scope, under `~/.switchboard/listen/` unless `--cursor-file` names one.
 * Written atomically (temporary file, then rename), so a listener killed mid-write leaves the
 * previous cursor, never a torn file.
 */
export class CursorFile {
  readonly path: string;
  readonly #server: string;
  readonly #inbox: string | null;

  constructor(path: string, server: string, inbox: string | null) {
    this.path = path;
    this.#server = server;
    this.#inbox = inbox;
  }

  /** The saved cursor, or null when there is none (first run). */
  load(): number | null {
    try {
      const state = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<CursorState>;
      return typeof state.cursor === 'number' && state.cursor >= 0 ? state.cursor : null;
    } catch {
      // No file yet, or unreadable: start where the server starts a new listener.
      return null;
    }
  }

  save(cursor: number): void {
    const state: CursorState = { server: this.#server, inbox: this.#inbox, cursor };
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}

/** The default cursor file for a server, API key and inbox scope. */
export function defaultCursorPath(
  env: Readonly<Record<string, string | undefined>>,
  server: string,
  apiKey: string,
  inbox: string | null,
): string {
  const home = env['SWITCHBOARD_HOME'] ?? join(homedir(), '.switchboard');
  // The key is hashed so the file name says which account without revealing its key.
  const scope = createHash('sha256')
    .update(`${server}\n${apiKey}\n${inbox ?? '*'}`)
    .digest('hex');
  return join(home, 'listen', `cursor-${scope.slice(0, 24)}.json`);
}
