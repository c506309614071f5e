import { UsageError } from '../client/cli-error.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import type { Output } from '../output/output.js';

/** The flow that runs a real TeXML app instead of sending canned events. */
export const TEXML_INBOUND_FLOW = 'texml-inbound';

/** Caller and callee of the triggered call; any number works, these are the docs' examples. */
const FROM = '+14155550100';
const TO = '+13125557000';

/**
 * `trigger --flow texml-inbound --connection-id <TeXML app>`: an inbound call into the app,
 * run by the interpreter: its voice_url is fetched, its verbs run, its callbacks sent, every
 * request a signed delivery.
 */
export async function triggerTexmlInbound(
  client: SwitchboardClient,
  connectionId: string | undefined,
  output: Output,
): Promise<void> {
  if (connectionId === undefined)
    throw new UsageError('--flow texml-inbound needs --connection-id (a TeXML application id)');
  const { data } = await client.post<{ data: Record<string, unknown> }>(
    '/switchboard/simulate/calls',
    { connection_id: connectionId, from: FROM, to: TO },
  );
  const sid = String(data['call_control_id']);
  output.record(
    [
      `☎ TeXML call ${sid} ${FROM} → ${TO}`,
      `  its requests: switchboard deliveries list --event-type texml.instructions`,
    ],
    data,
  );
}
