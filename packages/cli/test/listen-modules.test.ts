import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/client/cli-error.js';
import type { RawOutcome, RawRequest } from '../src/client/send-raw-request.js';
import { SwitchboardClient } from '../src/client/switchboard-client.js';
import { subpathOf, type CaptureEvent } from '../src/listen/capture-event.js';
import { CursorFile, defaultCursorPath } from '../src/listen/cursor-file.js';
import { forwardCapture } from '../src/listen/forward-capture.js';
import { PLAIN_COPY } from '../src/listen/listen-chaos.js';
import { listenLine } from '../src/listen/listen-line.js';
import { checkedUrl, collectHeader, eventList } from '../src/listen/listen-options.js';
import { reconnectDelay } from '../src/listen/reconnect-delay.js';
import { SseParser } from '../src/listen/sse-parser.js';

function capture(overrides: Partial<CaptureEvent> = {}): CaptureEvent {
  return {
    id: '7f3c9a00-0000-4000-8000-000000000000',
    sequence: 7,
    inbox_id: 'inbox',
    method: 'POST',
    path: '/switchboard/inbox/tok/voice',
    query: 'a=1',
    headers: [
      ['Content-Type', 'application/json'],
      ['telnyx-signature-ed25519', 'sig'],
      ['X-Env', 'prod'],
    ],
    body_base64: Buffer.from('{"x":1}').toString('base64'),
    event_type: 'call.answered',
    ...overrides,
  };
}

const ok = (status: number): RawOutcome => ({
  kind: 'response',
  status,
  headers: [],
  body: '',
  latencyMs: 12,
});
const refused: RawOutcome = { kind: 'error', message: 'ECONNREFUSED', latencyMs: 1 };
// Only --resign talks to the server; these tests never re-sign.
const noClient = new SwitchboardClient({ server: 'http://127.0.0.1:9', keyLookup: { env: {} } });

describe('SseParser', () => {
  it('joins events split across chunks, skips comments, reads CRLF and multi-line data', () => {
    const parser = new SseParser();
    expect(parser.push(': ping\n\nid: 4\nevent: cap')).toEqual([]);
    expect(parser.push('ture\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: x\n\n')).toEqual([
      { id: '4', event: 'capture', data: '{"a":\n1}' },
    ]);
    expect(parser.push('data:no-space\n\n')).toEqual([
      { id: null, event: 'message', data: 'no-space' },
    ]);
  });
});

describe('reconnectDelay', () => {
  it('doubles from half a second up to ten, scaled by jitter between 50 and 100 %', () => {
    expect([0, 1, 2, 3].map((n) => reconnectDelay(n, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(reconnectDelay(50, () => 1)).toBe(10_000);
    expect(reconnectDelay(0, () => 0)).toBe(250);
  });
});

describe('CursorFile', () => {
  it('starts empty, keeps the last saved cursor, and ignores a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'listen-cursor-'));
    const file = new CursorFile(join(dir, 'nested', 'cursor.json'), 'http://s', null);
    expect(file.load()).toBeNull();
    file.save(3);
    file.save(41);
    expect(file.load()).toBe(41);
    expect(JSON.parse(await readFile(file.path, 'utf8'))).toEqual({
      server: 'http://s',
      inbox: null,
      cursor: 41,
    });
    await writeFile(file.path, '{"cursor":');
    expect(file.load()).toBeNull();
  });

  it('keeps one file per server, key and inbox scope, under SWITCHBOARD_HOME', () => {
    const env = { SWITCHBOARD_HOME: '/h' };
    const a = defaultCursorPath(env, 'http://s', 'k1', null);
    expect(a.startsWith('/h/listen/cursor-')).toBe(true);
    expect(a).not.toContain('k1');
    expect(
      new Set([
        a,
        defaultCursorPath(env, 'http://s', 'k2', null),
        defaultCursorPath(env, 'http://s', 'k1', 'i'),
      ]).size,
    ).toBe(3);
  });
});

describe('listen options', () => {
  it('reads -H headers, URLs and event lists, refusing bad ones as usage errors', () => {
    expect(collectHeader('X-A:  1 ', collectHeader('B: two: parts'))).toEqual([
      ['B', 'two: parts'],
      ['X-A', '1'],
    ]);
    expect(() => collectHeader('no colon')).toThrow(UsageError);
    expect(() => collectHeader('bad name: x')).toThrow(UsageError);
    expect(checkedUrl('--forward-to', 'http://localhost:3000/x')).toBe('http://localhost:3000/x');
    expect(() => checkedUrl('--forward-to', 'ftp://x')).toThrow(/--forward-to needs an http/);
    expect(eventList(' a, ,b ')).toEqual(['a', 'b']);
    expect(eventList(undefined)).toBeNull();
    expect(() => eventList(' , ')).toThrow(UsageError);
  });
});

describe('forwardCapture', () => {
  const settings = {
    forwardTo: 'http://localhost:3000/webhooks/',
    failoverTo: null,
    extraHeaders: [],
    resign: false,
  };

  it('sends the same method, bytes and headers to the URL plus the inbox subpath and query', async () => {
    const sent: RawRequest[] = [];
    const tries = await forwardCapture(capture(), settings, noClient, PLAIN_COPY, (request) => {
      sent.push(request);
      return Promise.resolve(ok(200));
    });
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'http://localhost:3000/webhooks/voice?a=1',
        headers: capture().headers,
        body: Buffer.from('{"x":1}'),
      },
    ]);
    expect(tries).toHaveLength(1);
    expect(subpathOf(capture({ path: '/switchboard/inbox/tok' }))).toBe('');
  });

  it('fails over after no answer or a non-2xx, not after a success, and -H replaces by name', async () => {
    const urls: string[] = [];
    const answers = [refused, ok(500), ok(204)];
    const send = (request: RawRequest): Promise<RawOutcome> => {
      urls.push(request.url);
      expect(request.headers).toContainEqual(['x-env', 'dev']);
      expect(request.headers.filter(([name]) => name.toLowerCase() === 'x-env')).toHaveLength(1);
      return Promise.resolve(answers.shift() ?? ok(200));
    };
    const both = {
      ...settings,
      failoverTo: 'http://localhost:4000/b',
      extraHeaders: [['x-env', 'dev']] as [string, string][],
    };
    const first = await forwardCapture(capture({ query: '' }), both, noClient, PLAIN_COPY, send);
    expect(first.map((item) => item.url)).toEqual([
      'http://localhost:3000/webhooks/voice',
      'http://localhost:4000/b/voice',
    ]);
    const second = await forwardCapture(capture({ query: '' }), both, noClient, PLAIN_COPY, send);
    expect(second).toHaveLength(1);
  });
});

describe('listenLine', () => {
  it('prints status, method, local path, event type, a short id and latency', () => {
    const line = listenLine(capture(), {
      url: 'http://localhost:3000/webhooks/voice?a=1',
      outcome: ok(200),
      chaos: [],
    });
    expect(line.human).toBe('← 200 POST /webhooks/voice?a=1 call.answered 7f3c… 12 ms');
    const failed = listenLine(capture({ event_type: null }), {
      url: 'http://localhost:1/x',
      outcome: refused,
      chaos: [],
    });
    expect(failed.human).toBe('← ERR POST /x - 7f3c… (ECONNREFUSED) 1 ms');
    expect(failed.data).toMatchObject({ type: 'forward', status: null, error: 'ECONNREFUSED' });
  });
});
