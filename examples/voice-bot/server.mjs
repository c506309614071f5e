// A voice bot in a few lines: it answers every call, starts a bidirectional media stream to
// itself, greets the caller and then echoes what the caller says, a second late. Pressing a key
// clears what is queued. It needs only the environment that `switchboard env` prints:
//
//   TELNYX_API_KEY, TELNYX_BASE_URL (Switchboard: http://127.0.0.1:7700/v2), TELNYX_PUBLIC_KEY,
//   PORT (default 3000), BOT_NUMBER (default +13125550150: the number it answers on).
//
// Against Switchboard it creates its own Call Control application and number on start; against
// Telnyx, point an application of yours at http://<this host>/webhooks instead.
import { createServer } from 'node:http';
import Telnyx from 'telnyx';
import { WebSocketServer } from 'ws';
import { createWebhookReceiver, memoryIdempotencyStore } from '@switchboard/webhooks';
import { createNodeHandler } from '@switchboard/webhooks/node';

const port = Number(process.env.PORT ?? 3000);
const here = `127.0.0.1:${port}`;
const telnyx = new Telnyx({ apiKey: process.env.TELNYX_API_KEY });
const ECHO_DELAY_FRAMES = 50; // 50 frames of 20 ms: the caller hears themselves a second later

const receiver = createWebhookReceiver({
  publicKey: process.env.TELNYX_PUBLIC_KEY,
  idempotency: memoryIdempotencyStore({ ttlMs: 3_600_000 }),
  handlers: {
    'call.initiated': async ({ data }) => {
      if (data.payload.direction !== 'incoming') return;
      await telnyx.calls.actions.answer(data.payload.call_control_id, {
        stream_url: `ws://${here}/media`,
        stream_track: 'inbound_track',
        stream_bidirectional_mode: 'rtp',
        stream_bidirectional_codec: 'PCMU',
      });
    },
    'call.answered': async ({ data }) => {
      await telnyx.calls.actions.speak(data.payload.call_control_id, {
        payload: 'Hello, I am an echo bot. Say something and I will say it back.',
        voice: 'female',
      });
    },
  },
});
const webhooks = createNodeHandler(receiver);

const http = createServer((req, res) => {
  if (req.url === '/webhooks') return webhooks(req, res);
  res.writeHead(404).end();
});

// The media stream: Telnyx's JSON frames. The caller's audio (inbound track) goes back as
// `media` frames of the same PCMU bytes, after a delay; a key press sends `clear`.
new WebSocketServer({ server: http, path: '/media' }).on('connection', (socket) => {
  const delayed = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.event === 'start')
      console.log(`stream ${frame.stream_id} for ${frame.start.call_control_id}`);
    if (frame.event === 'dtmf') socket.send(JSON.stringify({ event: 'clear' }));
    if (frame.event !== 'media' || frame.media.track !== 'inbound') return;
    delayed.push(frame.media.payload);
    if (delayed.length > ECHO_DELAY_FRAMES)
      socket.send(JSON.stringify({ event: 'media', media: { payload: delayed.shift() } }));
  });
});

/** On Switchboard: an application whose webhooks come here, and a number that rings it. */
async function setUpOnSwitchboard() {
  const number = process.env.BOT_NUMBER ?? '+13125550150';
  const app = await telnyx.callControlApplications.create({
    application_name: 'voice bot',
    webhook_event_url: `http://${here}/webhooks`,
  });
  const base = process.env.TELNYX_BASE_URL?.replace(/\/v2\/?$/, '');
  const added = await fetch(`${base}/switchboard/phone_numbers`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${process.env.TELNYX_API_KEY}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ phone_number: number, connection_id: app.data.id }),
  });
  if (added.status === 404) return; // not Switchboard: numbers are bought, not added
  console.log(
    `call ${number} (the dashboard's Calls page, or: npx switchboard simulate call --from +14155550100 --to ${number})`,
  );
}

http.listen(port, '127.0.0.1', async () => {
  await setUpOnSwitchboard();
  console.log(`voice bot listening on ${here}`);
});
