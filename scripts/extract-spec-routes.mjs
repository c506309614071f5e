#!/usr/bin/env node
// Extracts the spec's routes for the resources the emulator covers (issue 16) into a JSON
// fixture, so the coverage test reads a committed list instead of the reference folder.
// Run from the repo root: node scripts/extract-spec-routes.mjs [spec.yml] [out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = resolve(process.argv[2] ?? join(ROOT, '../shared/reference/telnyx-openapi.yml'));
const OUT = resolve(
  process.argv[3] ?? join(ROOT, 'packages/server/test/fixtures/spec-routes.json'),
);

// Path prefixes of the covered resources; a prefix matches itself and anything under it.
const RESOURCES = [
  '/available_phone_numbers',
  '/balance',
  '/call_control_applications',
  '/call_events',
  '/calls',
  '/conferences',
  '/media',
  '/messages',
  '/messaging_profiles',
  '/number_orders',
  '/phone_numbers',
  '/queues',
  '/recordings',
  '/webhook_deliveries',
];
// RCS and WhatsApp are separate products with their own onboarding; the issue leaves them out.
const EXCLUDED = ['/messages/rcs', '/messages/whatsapp'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const under = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`);

const spec = parse(readFileSync(SPEC, 'utf8'), { maxAliasCount: -1 });
const routes = [];
for (const [path, item] of Object.entries(spec.paths)) {
  if (!RESOURCES.some((prefix) => under(path, prefix))) continue;
  if (EXCLUDED.some((prefix) => under(path, prefix))) continue;
  for (const method of METHODS) {
    const operation = item[method];
    if (operation === undefined) continue;
    routes.push({
      method: method.toUpperCase(),
      path: `/v2${path}`,
      operationId: operation.operationId ?? '',
      summary: operation.summary ?? '',
    });
  }
}
routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
writeFileSync(OUT, `${JSON.stringify(routes, null, 2)}\n`);
console.log(`${routes.length} routes → ${OUT}`);
