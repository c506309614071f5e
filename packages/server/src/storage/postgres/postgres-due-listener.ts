import pg from 'pg';
import type { PostgresStoreOptions } from './postgres-pool.js';

/** Channel names are identifiers (at most 63 bytes); one per schema, so stores don't cross-wake. */
export function dueChannel(schema: string | undefined): string {
  return `switchboard_due_${schema ?? ''}`.slice(0, 63);
}

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other queries) and call
 * `onDue` for each NOTIFY that a publish sends, so that idle workers in every process claim a
 * new delivery at once instead of at their next poll. A lost connection only costs that
 * speed-up: workers still poll, so `onLost` is told and nothing else happens.
 */
export async function listenForDue(
  options: PostgresStoreOptions,
  channel: string,
  onDue: () => void,
  onLost: (error: Error) => void = () => undefined,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: options.connectionString });
  client.on('error', onLost);
  client.on('notification', onDue);
  await client.connect();
  try {
    await client.query(`LISTEN "${channel}"`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return async () => {
    client.removeListener('notification', onDue);
    await client.end().catch(() => undefined);
  };
}
