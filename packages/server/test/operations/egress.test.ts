import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { sendTry } from '../../src/engine/delivery/send-try.js';
import { Shutdown } from '../../src/engine/delivery/shutdown.js';
import type { WebhookRequest } from '../../src/engine/delivery/webhook-request.js';
import { createWebhookDispatcher } from '../../src/engine/delivery-dispatcher/create-webhook-dispatcher.js';
import { blockedRange } from '../../src/engine/egress/blocked-address.js';
import type { ResolveAll } from '../../src/engine/egress/guarded-lookup.js';
import { startTarget, type HttpTarget } from './support/http-target.js';

const targets: HttpTarget[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((target) => target.close()));
});

async function okTarget(host = '127.0.0.1'): Promise<HttpTarget> {
  const target = await startTarget((_request, response) => response.writeHead(200).end('ok'), host);
  targets.push(target);
  return target;
}

function post(url: string): WebhookRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, body: '{}' };
}

function send(url: string, dispatcher: ReturnType<typeof createWebhookDispatcher>) {
  const shutdown = new Shutdown();
  return sendTry({ request: post(url), dispatcher, timeoutMs: 5_000, shutdown, now: Date.now });
}

/** A resolver where every name in `names` resolves to `address`, as a hostile DNS might. */
function fakeDns(names: Record<string, string>): ResolveAll {
  return (hostname, _options, callback) => {
    const address = names[hostname];
    if (address === undefined) {
      callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
        [],
      );
      return;
    }
    const entry: LookupAddress = { address, family: address.includes(':') ? 6 : 4 };
    callback(null, [entry]);
  };
}

describe('--egress public-only', () => {
  it('refuses a hostname that resolves to 127.0.0.1, as a final 75007, without connecting', async () => {
    const target = await okTarget();
    const dispatcher = createWebhookDispatcher({ egress: 'public-only' });
    const outcome = await send(`http://localhost:${target.port}/hook`, dispatcher);
    await dispatcher.close();

    expect(outcome).toMatchObject({ kind: 'final', code: 75007 });
    expect(outcome.kind === 'delivered' ? '' : outcome.reason).toMatch(
      /egress refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
    );
    expect(target.hits()).toBe(0);
  });

  it('refuses IP literals, including IPv4-mapped IPv6 loopback and the metadata address', async () => {
    const target = await okTarget();
    const dispatcher = createWebhookDispatcher({ egress: 'public-only' });
    const urls = [
      `http://127.0.0.1:${target.port}/`,
      `http://[::ffff:127.0.0.1]:${target.port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00::1]/',
    ];
    const outcomes = await Promise.all(urls.map((url) => send(url, dispatcher)));
    await dispatcher.close();

    for (const outcome of outcomes) expect(outcome).toMatchObject({ kind: 'final', code: 75007 });
    expect(target.hits()).toBe(0);
  });

  it('connects to the checked address: a name resolving to an allowed address is delivered', async () => {
    // 127.0.0.2 stands in for a public address: the check is told it is allowed.
    const target = await okTarget('127.0.0.2');
    const dispatcher = createWebhookDispatcher({
      egress: 'public-only',
      egressCheck: {
        resolveAll: fakeDns({ 'public.test': '127.0.0.2' }),
        blockedRange: (address) => (address === '127.0.0.2' ? null : blockedRange(address)),
      },
    });
    const outcome = await send(`http://public.test:${target.port}/`, dispatcher);
    await dispatcher.close();

    expect(outcome.kind).toBe('delivered');
    expect(target.hits()).toBe(1);
  });

  it('re-checks every redirect hop: an allowed host redirecting to loopback is refused', async () => {
    const inner = await okTarget();
    const outer = await startTarget(
      (_request, response) =>
        response.writeHead(307, { location: `http://internal.test:${inner.port}/admin` }).end(),
      '127.0.0.2',
    );
    targets.push(outer);
    const dispatcher = createWebhookDispatcher({
      egress: 'public-only',
      egressCheck: {
        resolveAll: fakeDns({ 'public.test': '127.0.0.2', 'internal.test': '127.0.0.1' }),
        blockedRange: (address) => (address === '127.0.0.2' ? null : blockedRange(address)),
      },
    });
    const outcome = await send(`http://public.test:${outer.port}/hook`, dispatcher);
    await dispatcher.close();

    expect(outcome).toMatchObject({
      kind: 'final',
      code: 75007,
      redirects: [{ status: 307, location: `http://internal.test:${inner.port}/admin` }],
    });
    expect(outer.hits()).toBe(1);
    expect(inner.hits()).toBe(0);
  });

  it('allows loopback by default, for local development', async () => {
    const target = await okTarget();
    const dispatcher = createWebhookDispatcher();
    const outcome = await send(`http://localhost:${target.port}/`, dispatcher);
    await dispatcher.close();
    expect(outcome.kind).toBe('delivered');
  });
});
