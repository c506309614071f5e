import { BodyReader } from '../calls/body-reader.js';
import type { CallState } from '../calls/call-state.js';
import { phone } from '../calls/command-bodies.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { findNumber } from '../phone-numbers/phone-number-store.js';
import { readScript } from './far-end-script.js';
import { findTexmlApplication } from './texml-application-routes.js';
import { voiceSettings } from './texml-application-spec.js';
import { applicationStatusCallback, type TexmlCalls } from './texml-calls.js';

/**
 * `POST /switchboard/simulate/calls` for a TeXML application (named by `connection_id`, or
 * the connection of the `to` number): the call is answered and `voice_url` fetched. `script`
 * lists the caller's moves (docs/texml.md). Anything else is left to Call Control (null).
 */
export function texmlInboundHandler(deps: EmulatorDeps, calls: TexmlCalls) {
  return async (accountId: string, body: unknown): Promise<CallState | null> => {
    const peek = new BodyReader(body);
    const to = typeof peek.body['to'] === 'string' ? peek.body['to'] : '';
    const given = peek.body['connection_id'];
    const connectionId =
      typeof given === 'string' && given !== ''
        ? given
        : ((await findNumber(deps.store, accountId, to))?.connection_id ?? null);
    if (connectionId === null) return null;
    const application = await findTexmlApplication(deps, accountId, connectionId);
    if (application === null) return null;
    const reader = new BodyReader(body);
    const from = phone(reader, 'from', true) ?? '';
    phone(reader, 'to', true);
    const script = readScript(reader.body['script']);
    reader.done();
    const voice = voiceSettings(application.data);
    const record = await calls.start({
      accountId,
      application,
      from,
      to,
      direction: 'inbound',
      first: { ...voice, inline: null },
      statusCallback: applicationStatusCallback(application),
      timeoutSecs: 30,
      timeLimitSecs: 14_400,
      script,
    });
    return calls.find(accountId, record.sid);
  };
}
