/**
 * JSON schemas of the TeXML routes' paths and queries. They check shape only (strings, known
 * names); the meaning of each value is checked by the handlers, which answer in Telnyx's
 * error envelope with pointers. Bodies are left to the handlers for the same reason.
 */

const ID = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const ID_PARAMS_SCHEMA = {
  type: 'object',
  properties: { id: ID },
  required: ['id'],
} as const;

/** `page[number]`, `filter[…]` and the like arrive as flat bracketed names. */
export const LIST_QUERY_SCHEMA = {
  type: 'object',
  additionalProperties: {
    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  },
} as const;

export const ACCOUNT_PARAMS_SCHEMA = {
  type: 'object',
  properties: { account_sid: ID },
  required: ['account_sid'],
} as const;

export const ACCOUNT_CALL_PARAMS_SCHEMA = {
  type: 'object',
  properties: { account_sid: ID, call_sid: ID },
  required: ['account_sid', 'call_sid'],
} as const;

export const ACCOUNT_ITEM_PARAMS_SCHEMA = {
  type: 'object',
  properties: { account_sid: ID, sid: ID },
  required: ['account_sid', 'sid'],
} as const;
