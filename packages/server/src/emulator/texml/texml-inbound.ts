import { LENIENT, Text } from '@switchboard/core/contract';
import Type from 'typebox';
import { readerOf } from '../../http/validation/check-value.js';
import type { CallState } from '../calls/call-state.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { findNumber } from '../phone-numbers/phone-number-store.js';
import { findTexmlApplication } from './texml-application-routes.js';
import { voiceSettings } from './texml-application-spec.js';
import { phoneIssue, throwIssues } from './texml-call-request.js';
import { applicationStatusCallback, type TexmlCalls } from './texml-calls.js';
import { FarEndScript } from './texml-route-contract.js';

/** Which application a simulated inbound call is for: its `connection_id`, else its number's. */
const Target = Type.Object({
  to: Type.Optional(Type.String()),
  connection_id: Type.Optional(Type.String()),
});

/** The members of a simulated call a TeXML application takes (the rest is Call Control's). */
const SimulatedTexmlCall = Type.Object(
  { from: Text(), to: Text(), script: Type.Optional(FarEndScript) },
  { [LENIENT]: true },
);

const readTarget = readerOf(Target);
const readCall = readerOf(SimulatedTexmlCall);

/**
 * `POST /switchboard/simulate/calls` for a TeXML application (named by `connection_id`, or
 * the connection of the `to` number): the call is answered and `voice_url` fetched. `script`
 * lists the caller's moves (docs/texml.md). Anything else is left to Call Control (null).
 */
export function texmlInboundHandler(deps: EmulatorDeps, calls: TexmlCalls) {
  return async (accountId: string, body: unknown): Promise<CallState | null> => {
    const target = peekTarget(body);
    const connectionId =
      target.connection_id !== undefined && target.connection_id !== ''
        ? target.connection_id
        : ((await findNumber(deps.store, accountId, target.to ?? ''))?.connection_id ?? null);
    if (connectionId === null) return null;
    const application = await findTexmlApplication(deps, accountId, connectionId);
    if (application === null) return null;
    const call = readCall(body);
    throwIssues([phoneIssue(call.from, 'from'), phoneIssue(call.to, 'to')]);
    const record = await calls.start({
      accountId,
      application,
      from: call.from,
      to: call.to,
      direction: 'inbound',
      first: { ...voiceSettings(application), inline: null },
      statusCallback: applicationStatusCallback(application),
      timeoutSecs: 30,
      timeLimitSecs: 14_400,
      script: call.script ?? [],
    });
    return calls.find(accountId, record.sid);
  };
}

/** The target members when they are strings; a body of another shape names no application. */
function peekTarget(body: unknown): { readonly to?: string; readonly connection_id?: string } {
  try {
    return readTarget(body);
  } catch {
    return {};
  }
}
