import Type, { type Static } from 'typebox';

/** One entry of the Telnyx error envelope. */
export const ErrorEnvelopeItem = Type.Object({
  code: Type.String({ description: 'Telnyx error code, a string of digits' }),
  title: Type.String(),
  detail: Type.String(),
  source: Type.Optional(
    Type.Object({ pointer: Type.Optional(Type.String()), parameter: Type.Optional(Type.String()) }),
  ),
  meta: Type.Object({ url: Type.String() }),
});

/** The body of every error reply: `{ "errors": [ … ] }`. */
export const ErrorEnvelope = Type.Object({ errors: Type.Array(ErrorEnvelopeItem) });

export type ErrorEnvelope = Static<typeof ErrorEnvelope>;
export type ErrorEnvelopeItem = Static<typeof ErrorEnvelopeItem>;
