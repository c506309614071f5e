import { describe, expect, it } from 'vitest';
import { mergeEnvFile, parseEnvFile } from '../src/env/merge-env-file.js';
import { formatTable } from '../src/output/format-table.js';
import { createOutput } from '../src/output/output.js';
import { renderBar } from '../src/output/progress-bar.js';
import { chaosFrom } from '../src/chaos/chaos-flags.js';
import { flowEvents } from '../src/trigger/flows.js';
import { applySets } from '../src/trigger/set-path.js';
import { parseHeaders } from '../src/verify/parse-headers.js';
import type { CliIo } from '../src/cli-io.js';

function captureIo(tty?: (text: string) => void): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
    onStopSignal: () => undefined,
    ...(tty === undefined ? {} : { tty }),
  };
  return { io, out, err };
}

describe('env file merge', () => {
  it('replaces keys in place, appends missing ones and keeps every other line', () => {
    const before = '# my app\nPORT=3000\nexport TELNYX_API_KEY=old\n\nOTHER="x y"\n';
    const after = mergeEnvFile(before, {
      TELNYX_API_KEY: 'KEYnew',
      TELNYX_BASE_URL: 'http://h/v2',
    });
    expect(after).toBe(
      '# my app\nPORT=3000\nexport TELNYX_API_KEY=KEYnew\n\nOTHER="x y"\nTELNYX_BASE_URL=http://h/v2\n',
    );
  });

  it('quotes values that need it, and reads them back unchanged', () => {
    const text = mergeEnvFile('', { A: 'has space', B: 'abc+/=' });
    expect(text).toBe('A="has space"\nB=abc+/=\n');
    expect(parseEnvFile(text)).toEqual({ A: 'has space', B: 'abc+/=' });
  });
});

describe('--set overrides', () => {
  it('sets dotted paths, parses JSON values and keeps phone numbers as strings', () => {
    const event = { data: { payload: { to: 'x' } } };
    applySets(event, [
      'data.payload.to=+15550001111',
      'data.payload.n=3',
      'data.meta.x={"a":true}',
    ]);
    expect(event).toEqual({
      data: { payload: { to: '+15550001111', n: 3 }, meta: { x: { a: true } } },
    });
  });

  it('refuses a set without path=value as a usage error', () => {
    expect(() => applySets({}, ['nothing'])).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('chaos flags', () => {
  it('are off unless asked for', () => {
    expect(chaosFrom({})).toBeUndefined();
  });

  it('map to the chaos field of POST /switchboard/events', () => {
    const chaos = chaosFrom({
      duplicate: '0.3',
      reorder: true,
      delay: '100-2000',
      failFirst: '2',
      staleTimestamp: true,
      clockSkew: '-90s',
      concurrency: '4',
      seed: '42',
    });
    expect(chaos).toEqual({
      duplicate: 0.3,
      reorder: true,
      delay: { min_ms: 100, max_ms: 2000 },
      fail_first: 2,
      stale_timestamp: true,
      clock_skew_secs: -90,
      concurrency: 4,
      seed: 42,
    });
  });

  it('refuse bad values with exit code 2', () => {
    for (const flags of [{ duplicate: '1.5' }, { delay: '9-3' }, { clockSkew: 'soon' }]) {
      expect(() => chaosFrom(flags)).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
  });
});

describe('flows', () => {
  it('tell one story: same call ids, fresh event ids, increasing occurred_at', () => {
    let n = 0;
    const sources = {
      randomId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      now: () => new Date(0),
    };
    const events = flowEvents('inbound-call', sources) as {
      data: {
        id: string;
        occurred_at: string;
        event_type: string;
        payload: { call_control_id: string };
      };
    }[];
    expect(events.map((event) => event.data.event_type)).toEqual([
      'call.initiated',
      'call.answered',
      'call.speak.started',
      'call.speak.ended',
      'call.dtmf.received',
      'call.hangup',
    ]);
    expect(new Set(events.map((event) => event.data.payload.call_control_id)).size).toBe(1);
    expect(new Set(events.map((event) => event.data.id)).size).toBe(events.length);
    const times = events.map((event) => Date.parse(event.data.occurred_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
  });
});

describe('headers files', () => {
  const expected = [
    ['Telnyx-Timestamp', '123'],
    ['Telnyx-Signature-Ed25519', 'abc=='],
  ];

  it('read a JSON object, [name, value] pairs and raw lines alike', () => {
    expect(parseHeaders('{"Telnyx-Timestamp":"123","Telnyx-Signature-Ed25519":"abc=="}')).toEqual(
      expected,
    );
    expect(parseHeaders(JSON.stringify(expected))).toEqual(expected);
    const raw =
      'POST /webhooks HTTP/1.1\r\nTelnyx-Timestamp: 123\r\nTelnyx-Signature-Ed25519: abc==\r\n';
    expect(parseHeaders(raw)).toEqual(expected);
  });
});

describe('output', () => {
  it('aligns table columns', () => {
    const lines = formatTable(
      [
        { header: 'ID', value: (row: { id: string; s: string }) => row.id },
        { header: 'STATUS', value: (row) => row.s },
      ],
      [
        { id: 'a', s: 'delivered' },
        { id: 'longer-id', s: 'failed' },
      ],
    );
    expect(lines).toEqual(['ID         STATUS', 'a          delivered', 'longer-id  failed']);
  });

  it('gives one JSON object per line with schema_version in json format', () => {
    const { io, out } = captureIo();
    const output = createOutput(io, 'json');
    output.item('human', { a: 1 });
    output.table(
      [{ header: 'X', value: (row: { x: number }) => String(row.x) }],
      [{ x: 1 }, { x: 2 }],
    );
    expect(out.map((line) => JSON.parse(line) as unknown)).toEqual([
      { schema_version: 1, a: 1 },
      { schema_version: 1, x: 1 },
      { schema_version: 1, x: 2 },
    ]);
  });

  it('draws a progress bar on a TTY only', () => {
    const drawn: string[] = [];
    const tty = captureIo((text) => drawn.push(text));
    createOutput(tty.io, 'text').progress(4, 'sending').tick(2);
    expect(drawn.at(-1)).toContain(renderBar(2, 4, 'sending'));
    const plain = captureIo();
    const bar = createOutput(plain.io, 'text').progress(4, 'sending');
    bar.tick();
    bar.done();
    expect([...plain.out, ...plain.err]).toEqual([]);
  });
});
