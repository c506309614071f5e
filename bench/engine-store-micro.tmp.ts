import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../packages/server/src/storage/sqlite/sqlite-store.js';
import { newTimeOrderedId as nid } from '../packages/server/src/storage/time-ordered-id.js';
import type { Delivery } from '../packages/server/src/storage/store.js';
const N = 10000; const LIMIT = Number(process.env['LIMIT'] ?? 16);
const store = await openSqliteStore({ filename: join(mkdtempSync(join(tmpdir(), 'sbm-')), 'db') });
const id = 'acc';
await store.createAccount({ id, name: 'b', apiKeyHash: 'h', settings: {}, createdAt: 1 }, { id: 'k', accountId: id, publicKey: 'x', privateKey: 'y', createdAt: 1, retiresAt: null });
const target = { url: 'http://127.0.0.1:1/w', failoverUrl: null, method: 'POST' as const, apiVersion: '2' as const, timeoutMs: 0, retrySchedule: null, bodyFormat: 'telnyx' as const };
let t = performance.now();
for (let i = 0; i < N; i += 64) {
  await Promise.all(Array.from({ length: 64 }, (_, j) => { const e = nid(); return store.publish({ event: { id: e, accountId: id, eventType: 'call.initiated', webhook: { record_type: 'event', event_type: 'call.initiated', id: e, occurred_at: new Date().toISOString(), payload: { call_control_id: 'v3:bench', connection_id: '1', from: '+15550100', to: '+15550101', state: 'parked' } }, createdAt: Date.now() }, deliveries: [{ id: nid(), target, origin: 'http://127.0.0.1:' + (j % 4), nextAttemptAt: Date.now() }] }); }));
}
console.log('publish us/row', ((performance.now() - t) * 1000 / N).toFixed(1));
let claimT = 0, compT = 0, n = 0;
const inflight: Delivery[] = [];
for (;;) {
  let t0 = performance.now();
  const c = await store.claimDue({ owner: 'o', now: Date.now(), limit: LIMIT, leaseMs: 60000 });
  claimT += performance.now() - t0; n += c.length;
  inflight.push(...c);
  if (c.length === 0 && inflight.length === 0) break;
  if (inflight.length >= 64 || c.length === 0) {
    const done = inflight.splice(0, c.length === 0 ? inflight.length : inflight.length - 48);
    t0 = performance.now();
    await store.completeMany(done.map((d) => ({ deliveryId: d.id, owner: 'o', rounds: 1, update: { state: 'delivered' as const, finishedAt: Date.now() }, attempts: [{ id: nid(), deliveryId: d.id, attempt: 1, url: d.target.url, status: 'delivered' as const, startedAt: Date.now(), finishedAt: Date.now(), errors: [], request: { url: d.target.url, method: 'POST', headers: [['content-type', 'application/json'], ['user-agent', 'telnyx-webhooks'], ['telnyx-timestamp', '1700000000'], ['telnyx-signature-ed25519', 'x'.repeat(88)]] as [string, string][], body: 'y'.repeat(400) }, response: { status: 200, headers: [['content-type', 'text/plain'], ['date', 'x']] as [string, string][], body: 'ok' }, error: null, latencyMs: 3, meta: { outcome: 'delivered' } }] })));
    compT += performance.now() - t0;
  }
}
console.log('claim us/row', (claimT * 1000 / n).toFixed(1), 'complete us/row', (compT * 1000 / n).toFixed(1), n);
await store.close();
