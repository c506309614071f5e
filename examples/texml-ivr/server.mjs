// A TeXML IVR in the shape of Telnyx's Node TeXML examples: it answers Telnyx's requests with
// TeXML and places outbound calls with the official `telnyx` SDK. Everything it needs comes
// from the environment, so the same file runs against Telnyx or against Switchboard:
//
//   TELNYX_API_KEY, TELNYX_BASE_URL (Switchboard: http://127.0.0.1:7700/v2), TELNYX_APP_ID
//   (the TeXML application), TELNYX_PHONE_NUMBER (the caller id), PORT (default 3000).
import { createServer } from 'node:http';
import Telnyx from 'telnyx';

const telnyx = new Telnyx({ apiKey: process.env.TELNYX_API_KEY });
const port = Number(process.env.PORT ?? 3000);
// The router's agent line (ROUTER_AGENT_NUMBER); callers listed by POST /vip go straight to it.
const agent = process.env.ROUTER_AGENT_NUMBER ?? '+13125550100';
const vips = new Set();

const xml = (verbs) => `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs}</Response>`;

const routes = {
  '/texml/voice': () =>
    xml(
      '<Gather action="/texml/menu" numDigits="1" timeout="5">' +
        '<Say>Press 1 to hear a greeting. Press 2 to leave a voicemail.</Say>' +
        '</Gather><Say>We did not get your choice. Goodbye.</Say><Hangup/>',
    ),
  '/texml/menu': (params) =>
    params.get('Digits') === '2'
      ? xml(
          '<Say>Leave a message after the beep.</Say><Record action="/texml/recorded" maxLength="20" finishOnKey="#"/>',
        )
      : xml('<Say>Hello from a TeXML application.</Say><Hangup/>'),
  '/texml/recorded': (params) => {
    console.log(`voicemail ${params.get('RecordingUrl')} (${params.get('RecordingDuration')} s)`);
    return xml('<Say>Thank you. Goodbye.</Say><Hangup/>');
  },
  // A call router: a known caller is put through; anyone else is offered the agent, then voicemail.
  '/texml/route': (params) =>
    vips.has(params.get('From'))
      ? xml(`<Say>Welcome back. Connecting you now.</Say><Dial><Number>${agent}</Number></Dial>`)
      : xml(
          `<Say>Please hold while we connect you.</Say><Dial timeout="20"><Number>${agent}</Number></Dial>` +
            '<Say>No one is available. Please leave a message.</Say>' +
            '<Record action="/texml/recorded" maxLength="60" finishOnKey="#"/>',
        ),
  '/texml/status': (params) => {
    console.log(`call ${params.get('CallSid')} is ${params.get('CallStatus')}`);
    return '';
  },
};

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

createServer(async (req, res) => {
  const url = new URL(req.url, `http://localhost:${port}`);
  if (url.pathname === '/call') {
    // Places an outbound call into the TeXML application.
    const call = await telnyx.texml.calls.create(process.env.TELNYX_APP_ID, {
      To: url.searchParams.get('to'),
      From: process.env.TELNYX_PHONE_NUMBER,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call));
    return;
  }
  if (url.pathname === '/vip' && req.method === 'POST') {
    vips.add(JSON.parse(await readBody(req)).phone_number);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"added"}');
    return;
  }
  const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
  if (route === undefined) {
    res.writeHead(404).end();
    return;
  }
  const body = await readBody(req);
  const params = req.method === 'GET' ? url.searchParams : new URLSearchParams(body);
  res.writeHead(200, { 'content-type': 'application/xml' }).end(route(params));
}).listen(port, () => {
  console.log(`TeXML IVR listening on ${port}`);
});
