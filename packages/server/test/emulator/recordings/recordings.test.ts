import { describe, expect, it } from 'vitest';
import type { CallFixture } from '../calls/support/call-fixture.js';
import { useCallFixture } from '../calls/support/call-fixture.js';

let fx: CallFixture;
useCallFixture((fixture) => {
  fx = fixture;
});

type Row = Record<string, unknown>;
const rows = (json: Record<string, unknown>): Row[] => json['data'] as Row[];

describe('recordings', () => {
  it('makes a resource of every saved call recording; paused time is left out', async () => {
    const id = await fx.answered();
    await fx.action(id, 'record_start', { channels: 'dual', format: 'wav' });
    await fx.advance(2000);
    await fx.action(id, 'record_pause');
    await fx.advance(5000);
    await fx.action(id, 'record_resume');
    await fx.advance(1000);
    await fx.action(id, 'record_stop');
    const list = await fx.get(`/v2/recordings?filter[call_control_id]=${encodeURIComponent(id)}`);
    const [recording] = rows(list.json);
    expect(recording).toMatchObject({
      record_type: 'recording',
      source: 'call',
      status: 'completed',
      channels: 'dual',
      call_control_id: id,
      duration_millis: 3000,
      download_urls: {
        wav: expect.stringMatching(/\/switchboard\/recordings\/[0-9a-f-]{36}\.wav$/),
      },
    });
    const file = await fx.app.inject({
      method: 'GET',
      url: new URL(String((recording?.['download_urls'] as Row)['wav'])).pathname,
    });
    expect(file.headers['content-type']).toBe('audio/wav');
  });

  it('records from answer until hangup; filters by time and party', async () => {
    const id = await fx.answered('+13125550100', { record: 'record-from-answer' });
    await fx.advance(1000);
    await fx.action(id, 'hangup');
    const all = await fx.get('/v2/recordings');
    expect(rows(all.json)).toHaveLength(1);
    const later = await fx.get('/v2/recordings?filter[created_at][gte]=2100-01-01T00:00:00Z');
    expect(rows(later.json)).toEqual([]);
    const byTo = await fx.get('/v2/recordings?filter[to]=%2B13125550100');
    expect(rows(byTo.json)).toHaveLength(1);
    const bySip = await fx.get('/v2/recordings?filter[sip_call_id]=abc');
    expect(rows(bySip.json)).toEqual([]);
  });

  it('deletes one (404 10005 after) and many at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const call = await fx.answered();
      await fx.action(call, 'record_start');
      await fx.action(call, 'record_stop');
    }
    for (const row of rows((await fx.get('/v2/recordings')).json)) ids.push(String(row['id']));
    const deleted = await fx.app.inject({
      method: 'DELETE',
      url: `/v2/recordings/${ids[0] ?? ''}`,
    });
    expect(deleted.json()).toMatchObject({ data: { id: ids[0] } });
    const missing = await fx.get(`/v2/recordings/${ids[0] ?? ''}`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ errors: [{ code: '10005' }] });
    const refused = await fx.post('/v2/recordings/actions/delete', { ids: [ids[1], ids[0]] });
    expect(refused.status).toBe(404);
    expect(rows((await fx.get('/v2/recordings')).json)).toHaveLength(2);
    const bulk = await fx.post('/v2/recordings/actions/delete', { ids: ids.slice(1) });
    expect(bulk.json).toEqual({ status: 'ok' });
    expect(rows((await fx.get('/v2/recordings')).json)).toEqual([]);
  });
});
