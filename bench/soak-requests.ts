/**
 * The soak bench's request mix: every kind an API client sends in a day (publish, read
 * deliveries, application CRUD, calls, messages, and bad requests), each a function that sends
 * one request and returns its status. Kinds that need an earlier result (a delivery id, a live
 * call, an application) take it from bounded pools filled by the kinds that create them.
 */
import { randomUUID } from 'node:crypto';

/** What the mix needs: the server, its key, and the fixtures made before the run. */
export interface SoakTarget {
  readonly url: string;
  readonly apiKey: string;
  /** The webhook receiver every event and message goes to. */
  readonly receiverUrl: string;
  /** A call control application whose webhooks go to the receiver. */
  readonly connectionId: string;
  /** A number the account owns, with a messaging profile whose webhooks go to the receiver. */
  readonly fromNumber: string;
}

/** A request kind: its name (a row of the report), its share of the mix, and how to send it. */
export interface RequestKind {
  readonly name: string;
  readonly weight: number;
  send(n: number): Promise<number>;
}

/** A pool that keeps the newest `limit` ids, so a long run does not grow the bench itself. */
class IdPool {
  readonly #ids: string[] = [];

  constructor(private readonly limit: number) {}

  add(id: string): void {
    this.#ids.push(id);
    if (this.#ids.length > this.limit) this.#ids.shift();
  }

  /** Any id, or null while none has been made yet. */
  pick(n: number): string | null {
    return this.#ids.length === 0 ? null : (this.#ids[n % this.#ids.length] ?? null);
  }

  /** Removes and returns the oldest id. */
  take(): string | null {
    return this.#ids.shift() ?? null;
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

/** Sends one request and returns its status and parsed JSON body (null when not JSON). */
async function call(
  target: SoakTarget,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${target.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${target.apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    // A request that never answers counts as failed instead of holding the bench forever.
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A non-JSON body is kept as null; the status is what the mix counts.
  }
  return { status: response.status, json };
}

function dataId(json: unknown, field = 'id'): string | null {
  const data = (json as { data?: Record<string, unknown> } | null)?.data;
  const value = data?.[field];
  return typeof value === 'string' ? value : null;
}

/** Over the 1 MiB body limit: answered 413 once the limit is read. */
const OVERSIZED_BODY = JSON.stringify({
  event_type: 'call.initiated',
  payload: { blob: 'x'.repeat(2 ** 21) },
});

/** The bad requests a client sends by mistake: each is answered 4xx, never 5xx. */
function badRequest(target: SoakTarget, n: number): Promise<{ status: number }> {
  switch (n % 6) {
    case 5:
      return call(target, 'POST', '/switchboard/events', OVERSIZED_BODY);
    case 0:
      return call(target, 'POST', '/switchboard/events', '{"event_type": "call.initiated",');
    case 1:
      return call(target, 'POST', '/switchboard/events', { payload: {} });
    case 2:
      return call(target, 'GET', `/v2/webhook_deliveries/${randomUUID()}`);
    case 3:
      return call(target, 'GET', '/v2/calls/unknown', undefined, { authorization: 'Bearer no' });
    default:
      return call(target, 'POST', '/v2/messages', 'text', { 'content-type': 'text/plain' });
  }
}

/** The kinds of the mix, sharing pools of the ids they create. The weights add up to 100. */
export function requestKinds(target: SoakTarget): readonly RequestKind[] {
  const deliveries = new IdPool(1_000);
  const applications = new IdPool(200);
  const calls = new IdPool(1_000);
  const messages = new IdPool(1_000);
  const kind = (
    name: string,
    weight: number,
    send: (n: number) => Promise<{ status: number }>,
  ): RequestKind => ({ name, weight, send: async (n) => (await send(n)).status });

  return [
    kind('publish event', 20, async (n) => {
      // One event in ten carries a 64 KiB payload, as a large message or transcript would.
      const blob = n % 10 === 0 ? 'p'.repeat(65_536) : '';
      const body = {
        event_type: 'call.initiated',
        payload: { call_control_id: `v3:soak-${n}`, client_state: null, blob },
        webhook_url: target.receiverUrl,
      };
      const reply = await call(target, 'POST', '/switchboard/events', body);
      const id = dataId(reply.json, 'webhook_delivery_id');
      if (id !== null) deliveries.add(id);
      return reply;
    }),
    kind('list deliveries', 8, () => call(target, 'GET', '/v2/webhook_deliveries?page[size]=20')),
    kind('get delivery', 8, (n) => {
      const id = deliveries.pick(n);
      return call(target, 'GET', `/v2/webhook_deliveries/${id ?? randomUUID()}`);
    }),
    kind('create application', 5, async (n) => {
      const body = { application_name: `soak ${n}`, webhook_event_url: target.receiverUrl };
      const reply = await call(target, 'POST', '/v2/call_control_applications', body);
      const id = dataId(reply.json);
      if (id !== null) applications.add(id);
      return reply;
    }),
    kind('get/patch application', 6, (n) => {
      const id = applications.pick(n) ?? '0';
      const path = `/v2/call_control_applications/${id}`;
      return n % 2 === 0
        ? call(target, 'GET', path)
        : call(target, 'PATCH', path, { application_name: `soak patched ${n}` });
    }),
    kind('delete application', 4, (n) => {
      const id = applications.take() ?? String(n);
      return call(target, 'DELETE', `/v2/call_control_applications/${id}`);
    }),
    kind('list applications', 3, () => call(target, 'GET', '/v2/call_control_applications')),
    kind('dial call', 8, async (n) => {
      const body = {
        connection_id: target.connectionId,
        to: '+13125550100',
        from: target.fromNumber,
        command_id: `soak-dial-${n}`,
      };
      const reply = await call(target, 'POST', '/v2/calls', body);
      const id = dataId(reply.json, 'call_control_id');
      if (id !== null) calls.add(id);
      return reply;
    }),
    kind('call action', 8, (n) => {
      // Half the actions hang a call up, so calls end as they do in real use.
      const id = n % 2 === 0 ? calls.take() : calls.pick(n);
      const path = `/v2/calls/${encodeURIComponent(id ?? 'v3:none')}/actions/`;
      return n % 2 === 0
        ? call(target, 'POST', `${path}hangup`, {})
        : call(target, 'POST', `${path}client_state_update`, { client_state: 'c29haw==' });
    }),
    kind('send message', 8, async (n) => {
      const body = { from: target.fromNumber, to: '+13125550150', text: `soak ${n}` };
      const reply = await call(target, 'POST', '/v2/messages', body);
      const id = dataId(reply.json);
      if (id !== null) messages.add(id);
      return reply;
    }),
    kind('get message', 4, (n) =>
      call(target, 'GET', `/v2/messages/${messages.pick(n) ?? randomUUID()}`),
    ),
    kind('inbound message', 4, (n) =>
      call(target, 'POST', '/switchboard/simulate/messages', {
        from: '+13125550160',
        to: target.fromNumber,
        text: `inbound ${n}`,
      }),
    ),
    kind('bad request', 14, (n) => badRequest(target, n)),
  ];
}

/** Makes the fixtures the mix needs: an application, a messaging profile and a number. */
export async function makeFixtures(
  base: Omit<SoakTarget, 'connectionId' | 'fromNumber'>,
): Promise<SoakTarget> {
  const target = { ...base, connectionId: '', fromNumber: '+13125550199' };
  const app = await call(target, 'POST', '/v2/call_control_applications', {
    application_name: 'soak',
    webhook_event_url: base.receiverUrl,
  });
  const profile = await call(target, 'POST', '/v2/messaging_profiles', {
    name: 'soak',
    webhook_url: base.receiverUrl,
  });
  const connectionId = dataId(app.json);
  const profileId = dataId(profile.json);
  if (connectionId === null || profileId === null) throw new Error('fixtures were refused');
  const number = await call(target, 'POST', '/switchboard/phone_numbers', {
    phone_number: target.fromNumber,
    connection_id: connectionId,
    messaging_profile_id: profileId,
  });
  if (number.status !== 201) throw new Error(`number refused: ${number.status}`);
  return { ...target, connectionId };
}
