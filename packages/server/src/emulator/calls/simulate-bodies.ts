import Type, { type Static } from 'typebox';
import { LENIENT, Text } from '@switchboard/core/contract';

const E164_OR_SIP = 'A +E.164 number or a sip: URI';

/** `POST /switchboard/simulate/calls`: an incoming call from `from` to `to`. */
export const SimulatedCallBody = Type.Object(
  {
    from: Text({ description: `The caller: ${E164_OR_SIP}` }),
    to: Text({ description: `The number called: ${E164_OR_SIP}` }),
    connection_id: Type.Optional(
      Text({ description: "The application to ring; default: the to number's connection" }),
    ),
    script: Type.Optional(
      Type.Unknown({ description: "TeXML applications: the caller's moves (docs/texml.md)" }),
    ),
  },
  { [LENIENT]: true },
);
export type SimulatedCallBody = Static<typeof SimulatedCallBody>;

/** The far end's own actions and their bodies (`/switchboard/simulate/calls/{id}/actions/*`). */
export const FAR_END_BODIES = {
  answer: Type.Object({}, { [LENIENT]: true }),
  hangup: Type.Object({}, { [LENIENT]: true }),
  hold: Type.Object({}, { [LENIENT]: true }),
  unhold: Type.Object({}, { [LENIENT]: true }),
  dtmf: Type.Object(
    { digits: Text({ description: 'The keys the caller presses' }) },
    { [LENIENT]: true },
  ),
  speech: Type.Object({ text: Text({ description: 'What the caller says' }) }, { [LENIENT]: true }),
};
