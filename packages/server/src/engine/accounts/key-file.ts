import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Name of the file, in the data dir, that holds the default account's API key. */
export const API_KEY_FILE = 'api_key';

/** Path of the key file for `dataDir`. */
export function keyFilePath(dataDir: string): string {
  return join(dataDir, API_KEY_FILE);
}

/**
 * Writes the key readable by its owner only, so local commands can find it without it ever
 * being passed on a command line. The chmod covers a file that already existed with wider modes.
 */
export async function writeKeyFile(dataDir: string, apiKey: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const path = keyFilePath(dataDir);
  await writeFile(path, `${apiKey}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}

/** The key in the file, or null when there is none. */
export async function readKeyFile(dataDir: string): Promise<string | null> {
  try {
    const text = (await readFile(keyFilePath(dataDir), 'utf8')).trim();
    return text === '' ? null : text;
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
