import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/ops/create-logger.js';
import { eventually, publishTo, runServer } from './support/running.js';
import { startTarget } from './support/http-target.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function capture(): {
  lines: () => Record<string, unknown>[];
  text: () => string;
  stream: { write(line: string): void };
} {
  const chunks: string[] = [];
  return {
    stream: { write: (line) => void chunks.push(line) },
    text: () => chunks.join(''),
    lines: () => chunks.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('logs', () => {
  it('writes one line per API request and per attempt, linked by ids, and no secrets', async () => {
    const log = capture();
    const target = await startTarget((_request, response) => response.writeHead(200).end());
    closers.push(() => target.close());
    const server = await runServer(
      { SWITCHBOARD_ADMIN_TOKEN: 'admin-token-value' },
      { logger: createLogger('info', log.stream) },
    );
    closers.push(() => server.close());

    const deliveryId = await publishTo(server.call, `http://127.0.0.1:${target.port}/hook`);
    await eventually(() =>
      Promise.resolve(log.lines().some((line) => line['msg'] === 'webhook attempt')),
    );
    await server.call(`/v2/webhook_deliveries/${deliveryId}`);
    await server.call('/metrics', { key: 'admin-token-value' });

    const lines = log.lines();
    const attempt = lines.find((line) => line['msg'] === 'webhook attempt');
    expect(attempt).toMatchObject({
      deliveryId,
      attempt: 1,
      url: `http://127.0.0.1:${target.port}/hook`,
      outcome: 'delivered',
      status: 200,
      component: 'delivery',
    });
    expect(typeof attempt?.['eventId']).toBe('string');
    expect(typeof attempt?.['latencyMs']).toBe('number');
    const requests = lines.filter((line) => line['msg'] === 'request');
    expect(requests.map((line) => `${String(line['method'])} ${String(line['url'])}`)).toEqual(
      expect.arrayContaining([
        'POST /switchboard/events',
        `GET /v2/webhook_deliveries/${deliveryId}`,
      ]),
    );
    const text = log.text();
    expect(text).not.toContain(server.apiKey ?? 'no key');
    expect(text).not.toContain('admin-token-value');
    expect(text).not.toContain('telnyx-signature-ed25519');
  });

  it('redacts authorization, signatures, API keys and private keys wherever they are logged', () => {
    const log = capture();
    const logger = createLogger('info', log.stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer KEYsecret', 'telnyx-signature-ed25519': 'c2ln' } },
        apiKey: 'KEYsecret2',
        key: { privateKey: 'cHJpdmF0ZQ==', private_key: 'cHJpdmF0ZTI=' },
        signature: 'c2lnMg==',
      },
      'something',
    );
    const text = log.text();
    for (const secret of ['KEYsecret', 'c2ln', 'cHJpdmF0ZQ', 'cHJpdmF0ZTI', 'c2lnMg']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[hidden]');
  });

  it('honours the level', () => {
    const log = capture();
    const logger = createLogger('warn', log.stream);
    logger.info('quiet');
    logger.warn('loud');
    expect(log.lines().map((line) => line['msg'])).toEqual(['loud']);
  });
});
