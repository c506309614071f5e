import type { FastifyInstance } from 'fastify';
import { createAccount, type CreatedAccount } from '../../src/engine/accounts/create-account.js';
import { createApp } from '../../src/http/api/create-app.js';
import { dashboardRoutes } from '../../src/http/dashboard/dashboard-routes.js';
import { callDashboardRoutes } from '../../src/emulator/calls/call-dashboard-routes.js';
import { emulatorRoutes } from '../../src/emulator/emulator-routes.js';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';

/** The API as `switchboard serve` composes it (emulator, call timelines, dashboard), in memory. */
export interface DashboardHarness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly account: CreatedAccount;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the reply's shape, as inject's json<T>() does
  call<T>(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function dashboardHarness(): Promise<DashboardHarness> {
  const store = await openSqliteStore({ filename: ':memory:' });
  const account = await createAccount(store, { name: 'dash', now: Date.now() });
  // Every reading moves the clock on by 1 ms, so what happens in order is stamped in order.
  let clock = Date.now();
  const app = createApp(
    { store, worker: { wake: () => undefined }, now: () => (clock += 1) },
    [emulatorRoutes({ baseUrl: () => 'http://127.0.0.1:1' }), callDashboardRoutes()],
    [dashboardRoutes()],
  );
  await app.ready();
  return {
    app,
    store,
    account,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the reply's shape, as inject's json<T>() does
    call: async <T>(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
      const response = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${account.apiKey}` },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      return { status: response.statusCode, body: response.json<T>() };
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
