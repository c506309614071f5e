import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createAccount, type CreatedAccount } from '../../../src/engine/accounts/create-account.js';
import { hashSecret } from '../../../src/engine/accounts/api-key.js';
import { createApp } from '../../../src/http/api/create-app.js';
import { callDashboardRoutes } from '../../../src/emulator/calls/call-dashboard-routes.js';
import { registerRecordingRoutes } from '../../../src/emulator/calls/call-routes.js';
import { emulatorRoutes } from '../../../src/emulator/emulator-routes.js';
import { openSqliteStore } from '../../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';

export const ADMIN_TOKEN = 'admin-secret-token';

/** An app over a real in-memory SQLite store, two accounts, and a counting worker stand-in. */
export interface ApiHarness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly alice: CreatedAccount;
  readonly bob: CreatedAccount;
  /** How often the API woke the worker. */
  wakes(): number;
  /** Sets the clock the API sees. */
  setNow(ms: number): void;
  request(key: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface ApiHarnessOptions {
  readonly admin?: boolean;
  /** Also serve the emulator (calls, messaging, phone numbers) and its recording files. */
  readonly emulator?: boolean;
}

export async function apiHarness(options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const store = await openSqliteStore({ filename: ':memory:' });
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  let wakes = 0;
  const alice = await createAccount(store, { name: 'alice', now });
  const bob = await createAccount(store, { name: 'bob', now });
  const emulator = options.emulator === true;
  const app = createApp(
    {
      store,
      worker: { wake: () => void (wakes += 1) },
      now: () => now,
      adminTokenHash: options.admin === false ? null : hashSecret(ADMIN_TOKEN),
    },
    emulator
      ? [emulatorRoutes({ baseUrl: () => 'http://127.0.0.1:0' }), callDashboardRoutes()]
      : [],
    emulator ? [registerRecordingRoutes] : [],
  );
  await app.ready();
  return {
    app,
    store,
    alice,
    bob,
    wakes: () => wakes,
    setNow: (ms) => void (now = ms),
    request: (key, inject) =>
      app.inject({
        ...inject,
        headers: { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...inject.headers },
      }),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** The first error item of a Telnyx error envelope. */
export function firstError(response: LightMyRequestResponse): {
  code: string;
  title: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
} {
  const body = response.json<{ errors: { code: string; title: string; detail: string }[] }>();
  const first = body.errors[0];
  if (first === undefined) throw new Error(`no error in ${response.body}`);
  return first;
}
