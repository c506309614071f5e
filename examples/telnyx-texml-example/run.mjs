#!/usr/bin/env node
// Runs a TeXML example app published by Telnyx, unmodified, against a Switchboard server, and
// checks that its calls went through the verbs the app answers with. The example's source is
// not part of this repository: point SWITCHBOARD_TEXML_EXAMPLE_DIR at a checkout of
// `texml-dynamic-call-router-python` from Telnyx's `telnyx-code-examples` repository.
//
//   TELNYX_BASE_URL   Switchboard's API, e.g. http://127.0.0.1:7700/v2 (from `switchboard env`)
//   TELNYX_API_KEY    a Switchboard API key
//   SWITCHBOARD_TEXML_EXAMPLE_DIR   the example's folder (app.py); it needs flask and python-dotenv
//   PYTHON            the interpreter (default python3); EXAMPLE_PORT (default 5055)
//
// The example gets environment variables only (HOST, PORT and the numbers it dials), exactly as
// its README configures it. Prints a JSON summary; exits 1 when a check fails.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const baseUrl = required('TELNYX_BASE_URL').replace(/\/+$/, '');
const apiKey = required('TELNYX_API_KEY');
const exampleDir = required('SWITCHBOARD_TEXML_EXAMPLE_DIR');
const port = Number(process.env.EXAMPLE_PORT ?? 5055);
const exampleUrl = `http://127.0.0.1:${port}`;
const root = baseUrl.replace(/\/v2$/, '');
// The example dials BUSINESS_HOURS_NUMBER; a busy test number lets its document go on to <Record>.
const BUSY = '+13125550101';

function required(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

async function api(method, path, body) {
  const response = await fetch(`${root}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = text === '' ? {} : JSON.parse(text);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return json;
}

async function eventually(probe, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startExample() {
  if (!existsSync(join(exampleDir, 'app.py'))) throw new Error(`no app.py in ${exampleDir}`);
  const child = spawn(process.env.PYTHON ?? 'python3', ['app.py'], {
    cwd: exampleDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      PORT: String(port),
      BUSINESS_HOURS_NUMBER: BUSY,
      AFTER_HOURS_NUMBER: BUSY,
      TELNYX_API_KEY: apiKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(String(chunk)));
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  return { child, output };
}

/** Places a simulated inbound call into the application and waits for its record to end. */
async function call(applicationId, from, script) {
  const placed = await api('POST', '/switchboard/simulate/calls', {
    connection_id: applicationId,
    from,
    to: '+13125557000',
    script,
  });
  const sid = placed.data.call_control_id;
  return eventually(async () => {
    const reply = await api('GET', `/switchboard/texml/calls/${encodeURIComponent(sid)}`);
    return reply.data.end_time === null ? undefined : reply.data;
  });
}

const verbsOf = (record) =>
  record.log
    .filter((entry) => entry.kind === 'verb')
    .map((entry) => entry.text.split(/[ >]/)[0] + '>');

function check(name, ok, detail) {
  checks.push({ name, ok, ...(ok ? {} : { detail }) });
}

const checks = [];
const example = startExample();
let exitCode;
try {
  await eventually(
    async () => ((await fetch(`${exampleUrl}/health`)).ok ? true : undefined),
    30_000,
  );
  const created = await api('POST', '/v2/texml_applications', {
    friendly_name: 'telnyx-code-examples: texml-dynamic-call-router-python',
    voice_url: `${exampleUrl}/texml/route`,
    voice_method: 'post',
  });
  const applicationId = created.data.id;

  // A caller the example does not know: business hours (14–23 UTC) or after hours.
  const hour = new Date().getUTCHours();
  const businessHours = hour >= 14 && hour <= 23;
  const first = await call(applicationId, '+14155550123', [{ dtmf: '#' }]);
  const firstVerbs = verbsOf(first);
  const expected = businessHours
    ? ['<Say>', '<Dial>', '<Say>', '<Record>', '<Say>', '<Hangup>']
    : ['<Say>', '<Record>', '<Say>', '<Hangup>'];
  check(
    businessHours
      ? 'business hours: Say, Dial (busy), Say, Record → action, Say, Hangup'
      : 'after hours: Say, Record → action, Say, Hangup',
    JSON.stringify(firstVerbs) === JSON.stringify(expected),
    firstVerbs,
  );
  const documents = first.log
    .filter((entry) => entry.kind === 'document')
    .map((entry) => entry.text);
  check(
    'documents came from /texml/route, then the Record action /texml/recording',
    documents.length === 2 &&
      documents[0].includes('/texml/route') &&
      documents[1].includes('/texml/recording'),
    documents,
  );
  check('the call completed', first.status === 'completed', first.status);

  // A VIP caller (added through the example's own API) is put straight through.
  await fetch(`${exampleUrl}/vip`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone_number: '+14155550199', name: 'VIP' }),
  });
  const vip = await call(applicationId, '+14155550199', []);
  const vipVerbs = verbsOf(vip);
  check(
    'VIP: Say, Dial',
    JSON.stringify(vipVerbs) === JSON.stringify(['<Say>', '<Dial>']),
    vipVerbs,
  );

  const logged = await (await fetch(`${exampleUrl}/calls`)).json();
  check(
    "the example's own call log has both callers",
    JSON.stringify(logged.calls.map((entry) => entry.caller)) ===
      JSON.stringify(['+14155550123', '+14155550199']),
    logged.calls,
  );
  const listed = await api(
    'GET',
    `/v2/texml/Accounts/${encodeURIComponent(first.account_sid)}/Calls`,
  );
  check(
    'both calls are listed by the TeXML REST API',
    [first.sid, vip.sid].every((sid) => listed.calls.some((item) => item.sid === sid)),
    listed.calls.map((item) => item.sid),
  );
  exitCode = checks.every((item) => item.ok) ? 0 : 1;
  console.log(
    JSON.stringify({ example: 'texml-dynamic-call-router-python', businessHours, checks }, null, 2),
  );
} catch (error) {
  console.error(error);
  console.error(example.output.join(''));
  exitCode = 1;
} finally {
  example.child.kill();
}
process.exit(exitCode);
