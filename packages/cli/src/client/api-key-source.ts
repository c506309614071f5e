import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MissingApiKeyError } from './client-errors.js';

/** Where the CLI found its API key; named in "key refused" messages. */
export interface FoundApiKey {
  readonly key: string;
  readonly source: string;
}

/** What the key lookup reads: the flag, the environment and the data dir. */
export interface ApiKeyLookup {
  readonly flag?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly dataDir?: string | undefined;
}

/** Name of the file `switchboard serve` writes the default account's key to. */
export const API_KEY_FILE_NAME = 'api_key';

/**
 * `--api-key`, then SWITCHBOARD_API_KEY, then the key file that `switchboard serve` wrote into
 * its data dir (`--data-dir`, SWITCHBOARD_DATA_DIR, default ./.switchboard), so a developer on
 * the same machine never types a key.
 */
export async function findApiKey(lookup: ApiKeyLookup): Promise<FoundApiKey> {
  if (nonEmpty(lookup.flag)) return { key: lookup.flag, source: '--api-key' };
  const fromEnv = lookup.env['SWITCHBOARD_API_KEY'];
  if (nonEmpty(fromEnv)) return { key: fromEnv, source: 'SWITCHBOARD_API_KEY' };
  const file = keyFileOf(lookup);
  const key = await readKey(file);
  if (key === null) throw new MissingApiKeyError(file);
  return { key, source: file };
}

/** The key file path for the lookup's data dir. */
export function keyFileOf(lookup: ApiKeyLookup): string {
  const dir = lookup.dataDir ?? lookup.env['SWITCHBOARD_DATA_DIR'] ?? '.switchboard';
  return join(resolve(dir), API_KEY_FILE_NAME);
}

async function readKey(file: string): Promise<string | null> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text === '' ? null : text;
  } catch {
    // A missing or unreadable file means "no key here"; the caller says what to do instead.
    return null;
  }
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
