import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { eventually, publishTo, runServer } from './support/running.js';
import { startTarget } from './support/http-target.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

interface DeliveryBody {
  data: { status: string; attempts: { errors: number[] }[] };
}

describe('switchboard serve --egress public-only', () => {
  it('records a final 75007 attempt for a target that resolves to loopback', async () => {
    const target = await startTarget((_request, response) => response.writeHead(200).end());
    closers.push(() => target.close());
    const server = await runServer({ SWITCHBOARD_EGRESS: 'public-only' });
    closers.push(() => server.close());

    const id = await publishTo(server.call, `http://localhost:${target.port}/hook`);
    let body: DeliveryBody | undefined;
    await eventually(async () => {
      body = (await (await server.call(`/v2/webhook_deliveries/${id}`)).json()) as DeliveryBody;
      return body.data.status !== 'failed' || body.data.attempts.length > 0;
    });

    expect(body?.data.attempts).toHaveLength(1);
    expect(body?.data.attempts[0]?.errors).toEqual([75007]);
    // The reason is kept on the stored attempt (the Telnyx API view shows only codes).
    const store = await openSqliteStore({
      filename: join(server.config.dataDir, 'switchboard.db'),
    });
    const [stored] = await store.listAttempts(id);
    await store.close();
    expect(stored?.error).toMatch(/egress refused: localhost resolves to/);
    expect(target.hits()).toBe(0);
  });

  it('refuses a replay sent by the API to a loopback target too', async () => {
    const target = await startTarget((_request, response) => response.writeHead(200).end());
    closers.push(() => target.close());
    const server = await runServer({ SWITCHBOARD_EGRESS: 'public-only' });
    closers.push(() => server.close());

    const id = await publishTo(server.call, `http://localhost:${target.port}/hook`);
    const reply = await server.call(`/switchboard/webhook_deliveries/${id}/replay`, {
      body: { url: `http://127.0.0.1:${target.port}/replay`, mode: 'resign' },
    });
    const { data } = (await reply.json()) as { data: { status: number | null; error: string } };
    expect(data.status).toBeNull();
    expect(data.error).toMatch(/egress refused/);
    expect(target.hits()).toBe(0);
  });
});
