import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { request as send, type Dispatcher } from 'undici';
import { createAccount, type CreatedAccount } from '../../../src/engine/accounts/create-account.js';
import { createApp } from '../../../src/http/api/create-app.js';
import { createInboxModule } from '../../../src/inbox/inbox-module.js';
import { openSqliteStore } from '../../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';

/** A real server on 127.0.0.1:0 with the inbox module, over an in-memory SQLite store. */
export interface InboxHarness {
  readonly url: string;
  readonly store: Store;
  readonly app: FastifyInstance;
  readonly alice: CreatedAccount;
  readonly bob: CreatedAccount;
  /** An authenticated JSON call; `key` defaults to Alice's. */
  api(
    method: Dispatcher.HttpMethod,
    path: string,
    body?: unknown,
    key?: string | null,
  ): Promise<Reply>;
  /** Creates an inbox for Alice and returns its view. */
  createInbox(body?: Record<string, unknown>): Promise<InboxView>;
  close(): Promise<void>;
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly json: () => unknown;
  readonly text: string;
}

export interface InboxView {
  readonly id: string;
  readonly token: string;
  readonly url: string;
  readonly respond: string;
}

export async function inboxHarness(): Promise<InboxHarness> {
  const store = await openSqliteStore({ filename: ':memory:' });
  const now = Date.now();
  const alice = await createAccount(store, { name: 'alice', now });
  const bob = await createAccount(store, { name: 'bob', now });
  let url = '';
  const inbox = createInboxModule({ store, baseUrl: () => url, pollMs: 50 });
  const app = createApp(
    { store, worker: { wake: () => undefined } },
    [inbox.routes],
    [inbox.publicRoutes],
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const api: InboxHarness['api'] = async (method, path, body, key = alice.apiKey) => {
    const headers: Record<string, string> = {};
    if (key !== null) headers['authorization'] = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await send(`${url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return readReply(response);
  };
  return {
    url,
    store,
    app,
    alice,
    bob,
    api,
    createInbox: async (body = {}) => {
      const reply = await api('POST', '/switchboard/inboxes', body);
      if (reply.status !== 201) throw new Error(`create inbox: ${reply.status} ${reply.text}`);
      return (reply.json() as { data: InboxView }).data;
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export async function readReply(response: Dispatcher.ResponseData): Promise<Reply> {
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as unknown,
  };
}
