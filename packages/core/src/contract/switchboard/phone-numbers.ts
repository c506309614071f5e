import Type, { type Static } from 'typebox';
import { LENIENT, Nullable, OneOf, Text } from '../fields.js';
import { E164 } from './telnyx-fields.js';

/** `POST /switchboard/phone_numbers`: gives the account a number (numbers cannot be bought here). */
export const AddPhoneNumber = Type.Object(
  {
    phone_number: E164({ description: 'The number to add, +E.164; it belongs to no account yet' }),
    connection_id: Type.Optional(
      Nullable(Type.String({ description: 'A call control or TeXML application; "" for none' })),
    ),
    messaging_profile_id: Type.Optional(
      Nullable(Type.String({ description: 'A messaging profile of the account; "" for none' })),
    ),
  },
  { [LENIENT]: true },
);

/** `POST /switchboard/short_codes`: gives the account a short code for `/v2/messages/short_code`. */
export const AddShortCode = Type.Object(
  {
    short_code: Type.String({
      pattern: '^\\d{3,8}$',
      'x-expected': '3 to 8 digits',
      description: 'Five or six digits in the US; the emulator allows 3 to 8',
    }),
    messaging_profile_id: Text({ description: 'The messaging profile that sends from it' }),
    country_code: Type.Optional(Text({ description: 'ISO 3166-1 alpha-2; default US' })),
  },
  { [LENIENT]: true },
);

/** The spec's `ShortCode`. */
export const ShortCode = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('short_code'),
  short_code: Type.String(),
  country_code: Type.String(),
  messaging_profile_id: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

/** `POST /switchboard/simulate/messages`: a message from the far end to a number of the account. */
export const SimulateInboundMessage = Type.Object(
  {
    to: E164({ description: 'A number of the account' }),
    from: Text({ description: 'The sender: a number, short code or alphanumeric ID' }),
    text: Type.Optional(Type.String()),
    media_urls: Type.Optional(
      Type.Array(
        Type.String({
          format: 'http-url',
          'x-error-code': { code: '10003', title: 'Invalid URL' },
          'x-expected': 'an absolute URL with a scheme, such as https',
        }),
      ),
    ),
    messaging_profile_id: Type.Optional(
      Type.String({ description: "Receive on this profile instead of the number's" }),
    ),
  },
  { [LENIENT]: true },
);

/** `GET /switchboard/phone_numbers/csv_downloads/{file}`: the file of a CSV download. */
export const CsvFileParams = Type.Object({
  file: Type.String({ description: 'The download id, with or without `.csv`' }),
});

/** The formats of `POST /v2/phone_numbers/csv_downloads`. */
export const CsvFormat = OneOf(['V1', 'V2'], { default: 'V1' });

export type AddPhoneNumber = Static<typeof AddPhoneNumber>;
export type AddShortCode = Static<typeof AddShortCode>;
export type ShortCode = Static<typeof ShortCode>;
export type SimulateInboundMessage = Static<typeof SimulateInboundMessage>;
