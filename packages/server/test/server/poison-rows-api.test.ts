import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERY_ERROR_CODES } from '../../src/engine/delivery/delivery-error-codes.js';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { StoredRows } from '../delivery/support/stored-rows.js';
import { TestReceiver } from '../delivery/support/test-receiver.js';
import { testConfig } from './support/test-config.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every read must answer: a route that hangs fails here instead of stalling the suite. */
const ANSWER_WITHIN_MS = 10_000;

async function get(
  server: RunningServer,
  path: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${server.apiKey ?? ''}` },
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface DeliveryView {
  readonly id: string;
  readonly status: string;
  readonly webhook: Record<string, unknown>;
  readonly attempts: readonly { readonly errors: readonly number[] }[];
  readonly switchboard?: { readonly unreadable?: string };
}

async function detail(server: RunningServer, id: string): Promise<DeliveryView> {
  const { status, body } = await get(server, `/v2/webhook_deliveries/${id}`);
  expect(status).toBe(200);
  return body['data'] as DeliveryView;
}

/** Polls the detail route until the delivery has been tried. */
async function tried(server: RunningServer, id: string): Promise<DeliveryView> {
  for (;;) {
    const view = await detail(server, id);
    if (view.attempts.length > 0) return view;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('delivery routes while a stored row cannot be read', () => {
  it('list, detail and request answer, with what can be read, on the default SQLite store', async () => {
    const config = await testConfig();
    const server = await startServer(config);
    cleanups.push(() => server.close());
    const receiver = await TestReceiver.start(server.publicKey);
    cleanups.push(() => receiver.close());
    const rows = await StoredRows.open(join(config.dataDir, 'switchboard.db'));
    cleanups.push(() => rows.close());

    const deep = await rows.publish(server.accountId, receiver.url('/deep'));
    rows.nestPayload(deep.eventId, 3_000);
    const broken = await rows.publish(server.accountId, receiver.url('/broken'));
    rows.corrupt('webhook', broken);
    const fine = await rows.publish(server.accountId, receiver.url('/fine'));

    const list = await get(server, '/v2/webhook_deliveries?page[size]=50');
    expect(list.status).toBe(200);
    const listed = (list.body['data'] as DeliveryView[]).map((view) => view.id);
    expect(listed).toEqual(
      expect.arrayContaining([deep.deliveryId, broken.deliveryId, fine.deliveryId]),
    );

    for (const ids of [deep, broken]) {
      const view = await tried(server, ids.deliveryId);
      // What the row's own columns still tell: the event's id and type.
      expect(view.webhook).toEqual({
        record_type: 'event',
        event_type: 'call.initiated',
        id: ids.eventId,
      });
      expect(view.attempts[0]?.errors).toEqual([DELIVERY_ERROR_CODES.internalFault]);
      expect(view.switchboard?.unreadable).toMatch(/^the stored webhook (nests|is not valid)/);
      const request = await get(
        server,
        `/switchboard/webhook_deliveries/${ids.deliveryId}/request`,
      );
      expect(request.status).toBe(200);
      expect(request.body['data']).toMatchObject({ attempt: 1, method: 'POST', body: null });
    }
    // Resending would send what the row still tells, not what was published: refused, said why.
    const replay = await fetch(
      `${server.url}/switchboard/webhook_deliveries/${deep.deliveryId}/replay`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${server.apiKey ?? ''}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ url: receiver.url('/replayed') }),
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      },
    );
    expect(replay.status).toBe(422);
    expect(await replay.json()).toMatchObject({
      errors: [{ detail: expect.stringMatching(/stored row cannot be read .*deeper than/) }],
    });
    expect((await tried(server, fine.deliveryId)).status).toBe('delivered');
    expect(receiver.to('/fine')).toHaveLength(1);
  });
});
