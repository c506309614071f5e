import {
  startServer,
  type RunningServer,
  type StartServerOptions,
} from '../../../src/start-server.js';
import type { ServerConfig } from '../../../src/ops/config/server-config.js';
import { testConfig } from '../../server/support/test-config.js';

/** A real server on port 0 with a fresh data dir; extra settings as `SWITCHBOARD_*` variables. */
export async function runServer(
  env: Record<string, string> = {},
  options: StartServerOptions = {},
): Promise<
  RunningServer & {
    config: ServerConfig;
    call: (path: string, init?: CallInit) => Promise<Response>;
  }
> {
  const config = await testConfig(env);
  const server = await startServer(config, options);
  const call = (path: string, init: CallInit = {}): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${init.key ?? server.apiKey ?? ''}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  return Object.assign(server, { call, config });
}

export interface CallInit {
  readonly method?: string;
  readonly key?: string;
  readonly body?: unknown;
}

/** Publishes one event to `url`; returns the delivery id. */
export async function publishTo(
  call: (path: string, init?: CallInit) => Promise<Response>,
  url: string,
  payload: Record<string, unknown> = {},
  eventType = 'call.initiated',
): Promise<string> {
  const response = await call('/switchboard/events', {
    body: { event_type: eventType, payload, webhook_url: url },
  });
  const body = (await response.json()) as { data: { webhook_delivery_id: string } };
  if (response.status !== 202) throw new Error(`publish failed: ${JSON.stringify(body)}`);
  return body.data.webhook_delivery_id;
}

/** Polls `check` every 50 ms until it returns true; fails after `limitMs`. */
export async function eventually(check: () => Promise<boolean>, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
