import { createWebhookReceiver } from '@switchboard/webhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, publishTo, runServer } from './support/running.js';
import { startTarget } from './support/http-target.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

interface Received {
  readonly body: string;
  readonly headers: Record<string, string>;
}

interface KeyView {
  readonly public_key: string;
  readonly status: string;
  readonly retires_at: string | null;
}

function receiverFor(publicKey: string | readonly string[]) {
  return createWebhookReceiver({ publicKey, handlers: {}, onError: () => undefined });
}

describe('signing key rotation', () => {
  it('lists the old key during the overlap; receivers with both keys accept old and new', async () => {
    const received: Received[] = [];
    const target = await startTarget((request, response, body) => {
      received.push({ body, headers: request.headers as Record<string, string> });
      response.writeHead(200).end();
    });
    closers.push(() => target.close());
    const server = await runServer({ SWITCHBOARD_SIGNING_KEY_OVERLAP: '2h' });
    closers.push(() => server.close());
    const url = `http://127.0.0.1:${target.port}/hook`;
    const oldKey = server.publicKey;

    await publishTo(server.call, url, { n: 'before' });
    await eventually(() => Promise.resolve(received.length === 1));

    const rotated = await server.call('/switchboard/signing_keys/rotate', { body: {} });
    expect(rotated.status).toBe(201);
    const keys = ((await rotated.json()) as { data: KeyView[] }).data;
    const newKey = keys[0]?.public_key ?? '';
    expect(keys.map((key) => key.status)).toEqual(['current', 'retiring']);
    expect(keys[1]?.public_key).toBe(oldKey);
    const retiresAt = Date.parse(keys[1]?.retires_at ?? '');
    expect(retiresAt - Date.now()).toBeGreaterThan(7_100_000);
    expect(retiresAt - Date.now()).toBeLessThanOrEqual(7_200_000);

    const listed = (await (await server.call('/switchboard/signing_keys')).json()) as {
      data: KeyView[];
    };
    expect(listed.data.map((key) => key.public_key)).toEqual([newKey, oldKey]);
    const current = (await (await server.call('/switchboard/public_key')).json()) as {
      data: { public_key: string };
    };
    expect(current.data.public_key).toBe(newKey);

    // The worker caches the current key for a few seconds; new deliveries switch soon after.
    const onlyNew = receiverFor(newKey);
    let signedWithNew: Received | undefined;
    await eventually(async () => {
      const before = received.length;
      await publishTo(server.call, url, { n: 'after' });
      await eventually(() => Promise.resolve(received.length > before));
      const last = received[received.length - 1];
      if (last === undefined) return false;
      const verdict = await onlyNew.handle(last);
      signedWithNew = verdict.status === 200 ? last : undefined;
      return signedWithNew !== undefined;
    }, 20_000);

    const both = receiverFor([oldKey, newKey]);
    const first = received[0];
    if (first === undefined || signedWithNew === undefined) throw new Error('nothing received');
    expect((await both.handle(first)).status).toBe(200);
    expect((await both.handle(signedWithNew)).status).toBe(200);
    expect((await receiverFor(oldKey).handle(signedWithNew)).status).toBe(401);
  });

  it('needs an API key', async () => {
    const server = await runServer();
    closers.push(() => server.close());
    const response = await server.call('/switchboard/signing_keys/rotate', {
      key: 'nope',
      body: {},
    });
    expect(response.status).toBe(401);
  });
});
