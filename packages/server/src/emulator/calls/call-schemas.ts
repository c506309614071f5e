import Type from 'typebox';
import { CallResource } from '@switchboard/core/contract';
import { NotFoundError } from '../../support/errors/api-error.js';

/** The path of every `/v2/calls/{call_control_id}…` route. */
export const CallParams = Type.Object({ call_control_id: Type.String() });

/** Control characters: no id has one, and PostgreSQL cannot even compare a NUL. */
const CONTROL = /\p{Cc}/u;

/** A call control id from the path; one no call can have is a 404, so nothing looks it up. */
export function callIdOf(value: string): string {
  if (value === '' || CONTROL.test(value)) throw new NotFoundError();
  return value;
}

/** Dial, retrieve and the simulator's inbound call answer with the call. */
export const CallResponse = Type.Object({ data: CallResource });

/** What every command answers; some add the id of what they started. */
export const CommandResponse = Type.Object({
  data: Type.Object({
    result: Type.Literal('ok'),
    recording_id: Type.Optional(Type.String({ description: 'answer with record-from-answer' })),
    conversation_id: Type.Optional(
      Type.String({ description: 'gather_using_ai, ai_assistant_start and _join' }),
    ),
    conversation_relay_id: Type.Optional(Type.String({ description: 'conversation_relay_start' })),
  }),
});

export const OkResponse = Type.Object({ data: Type.Object({ result: Type.Literal('ok') }) });
