// Extracts the OpenAPI component schemas that our API replies must match, with every $ref
// inlined, into a JSON fixture the tests read. Run: node scripts/extract-response-schemas.mjs <spec.yml>
// Another fixture: node scripts/extract-response-schemas.mjs <spec.yml> <out.json> <Schema>...
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const DEFAULT_NAMES = [
  'Call',
  'CallWithRecordingId',
  'CallControlApplication',
  'CallControlCommandResult',
  'MessagingProfile',
  'OutboundMessagePayload',
  'PhoneNumberDetailed',
  'PhoneNumberWithMessagingSettings',
  'webhook_delivery',
  'AvailablePhoneNumber',
  'NumberOrder',
  'PhoneNumberWithVoiceSettings',
  'PhoneNumbersJob',
  'CsvDownload',
  'MediaResource',
  'ShortCode',
  'AlphanumericSenderId',
  'AutorespConfigSchema',
  'OutboundMessagePayloadCancelled',
  'UserBalance',
];
const specPath = process.argv[2] ?? '../shared/reference/telnyx-openapi.yml';
const [out, ...names] = process.argv.slice(3);
const NAMES = names.length > 0 ? names : DEFAULT_NAMES;
const spec = parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 });
const schemas = spec.components.schemas;

function inline(node, seen) {
  if (Array.isArray(node)) return node.map((item) => inline(item, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return {};
    return inline(schemas[name], new Set([...seen, name]));
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    out[key] = inline(value, seen);
  }
  return out;
}

const result = Object.fromEntries(
  NAMES.map((name) => [name, inline(schemas[name], new Set([name]))]),
);
const target =
  out === undefined
    ? new URL('../packages/server/test/fixtures/response-schemas.json', import.meta.url)
    : new URL(out, `file://${process.cwd()}/`);
writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${NAMES.length} schemas to ${target.pathname}`);
