import type { IncomingHttpHeaders } from 'node:http';
import {
  eventTemplate,
  KNOWN_EVENT_TYPES,
  verifySignature,
  verifyWebhook,
} from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';
import { callApi, publishTo } from './support/server-api.js';
import {
  startVerifyingReceiver,
  type Verdict,
  type VerifyingReceiver,
} from './support/verifying-receiver.js';

let server: RunningServer;
let reserialising: VerifyingReceiver;
let raw: VerifyingReceiver;

/** As Telnyx's demo apps do: parse, then sign-check `JSON.stringify(body, null, 2)`. */
async function reserialisingCheck(body: string, headers: IncomingHttpHeaders): Promise<boolean> {
  const again = JSON.stringify(JSON.parse(body), null, 2);
  return verifySignature({ body: again, headers, publicKey: server.publicKey }).then(
    () => true,
    () => false,
  );
}

async function rawCheck(body: string, headers: IncomingHttpHeaders): Promise<boolean> {
  return verifyWebhook({ body, headers, publicKey: server.publicKey }).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  server = await startServer(await testConfig());
  reserialising = await startVerifyingReceiver(reserialisingCheck);
  raw = await startVerifyingReceiver(rawCheck);
});
afterAll(async () => {
  await server.close();
  await reserialising.close();
  await raw.close();
});

async function deliverToBoth(type: string): Promise<readonly [Verdict, Verdict]> {
  const { data } = eventTemplate(type as (typeof KNOWN_EVENT_TYPES)[number]);
  const event = { event_type: data.event_type, payload: data.payload };
  await publishTo(server, reserialising.url, event);
  await publishTo(server, raw.url, event);
  return [await reserialising.next(), await raw.next()];
}

function eventTypeOf(verdict: Verdict): unknown {
  return (JSON.parse(verdict.body) as { data: { event_type: unknown } }).data.event_type;
}

describe('webhook body format and the receivers real apps use', () => {
  it('lists 60 event types to deliver', () => {
    expect(KNOWN_EVENT_TYPES).toHaveLength(60);
  });

  it('has both receivers accept every event type in the default telnyx format', async () => {
    for (const type of KNOWN_EVENT_TYPES) {
      const [again, exact] = await deliverToBoth(type);
      expect({ type, again: again.accepted, exact: exact.accepted }).toEqual({
        type,
        again: true,
        exact: true,
      });
      expect(eventTypeOf(again)).toBe(type);
      expect(again.body).toBe(JSON.stringify(JSON.parse(again.body), null, 2));
    }
  });

  it('has only the raw-body receiver accept compact bodies', async () => {
    const patched = await callApi(server, 'PATCH', '/switchboard/account', {
      webhook_body_format: 'compact',
    });
    expect(patched.status).toBe(200);
    const [again, exact] = await deliverToBoth('message.received');
    expect(exact.accepted).toBe(true);
    expect(exact.body).toBe(JSON.stringify(JSON.parse(exact.body)));
    expect(again.accepted).toBe(false);
    await callApi(server, 'PATCH', '/switchboard/account', { webhook_body_format: 'telnyx' });
    const [restored] = await deliverToBoth('message.sent');
    expect(restored.accepted).toBe(true);
  });
});
