import Telnyx from 'telnyx';
import type { RunningServer } from '../../../src/start-server.js';

/** The `telnyx` 7.x client of a running server's default account, without retries. */
export function sdkClientFor(server: RunningServer): Telnyx {
  return new Telnyx({ apiKey: server.apiKey ?? '', baseURL: `${server.url}/v2`, maxRetries: 0 });
}
