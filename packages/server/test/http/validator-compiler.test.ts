import {
  AnyObject,
  HttpUrl,
  Int,
  LENIENT,
  Nullable,
  OneOf,
  Text,
} from '@switchboard/core/contract';
import Type, { type TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/support/errors/api-error.js';
import { validatorCompiler } from '../../src/http/validation/validator-compiler.js';

type Part = 'body' | 'querystring' | 'params';

function validate(schema: TSchema, data: unknown, httpPart: Part = 'body') {
  const check = validatorCompiler({ schema, httpPart, method: 'POST', url: '/t' });
  return check(data) as { value?: unknown; error?: unknown };
}

function items(schema: TSchema, data: unknown, httpPart: Part = 'body') {
  const { error } = validate(schema, data, httpPart);
  if (!(error instanceof ValidationError)) throw new Error('expected a ValidationError');
  return error.items;
}

const Application = Type.Object({
  application_name: Text({ maxLength: 10 }),
  webhook_event_url: HttpUrl(),
  webhook_failover_url: Type.Optional(Nullable(HttpUrl({ allowEmpty: true }))),
  anchorsite_override: Type.Optional(OneOf(['Latency', 'Chicago, IL'], { default: 'Latency' })),
  webhook_timeout_secs: Type.Optional(Nullable(Int(1, 30))),
  inbound: Type.Optional(
    Type.Object({ channel_limit: Type.Optional(Nullable(Int(1, 100))) }, { default: {} }),
  ),
  active: Type.Optional(Type.Boolean({ default: true })),
});

describe('the one mapping from declarations to the Telnyx envelope', () => {
  it('names a missing or blank field 10004, with its pointer', () => {
    expect(
      items(Application, { application_name: '  ', webhook_event_url: 'https://a.test' }),
    ).toEqual([
      {
        code: '10004',
        title: 'Missing required parameter',
        detail: "The 'application_name' parameter is required and cannot be blank.",
        pointer: '/application_name',
      },
    ]);
    expect(items(Application, { application_name: 'x' })[0]).toMatchObject({
      code: '10004',
      pointer: '/webhook_event_url',
    });
  });

  it('names a wrong type or format 10015, in the declaration’s words', () => {
    const found = items(Application, {
      application_name: 'x',
      webhook_event_url: 'ftp://a.test',
      webhook_failover_url: 5,
      active: 'yes',
    });
    expect(found).toEqual([
      expect.objectContaining({
        code: '10015',
        pointer: '/webhook_event_url',
        detail:
          "The 'webhook_event_url' parameter must be a valid URL that includes a scheme (http or https).",
      }),
      expect.objectContaining({
        code: '10015',
        pointer: '/webhook_failover_url',
        detail: "The 'webhook_failover_url' parameter must be a URL string.",
      }),
      expect.objectContaining({
        code: '10015',
        pointer: '/active',
        detail: "The 'active' parameter must be a boolean.",
      }),
    ]);
  });

  it('names a value outside an enumeration 10032 and a number out of range 10033', () => {
    const found = items(Application, {
      application_name: 'x',
      webhook_event_url: 'https://a.test',
      anchorsite_override: 'Mars',
      inbound: { channel_limit: 0 },
    });
    expect(found).toEqual([
      expect.objectContaining({
        code: '10032',
        pointer: '/anchorsite_override',
        detail: "The 'anchorsite_override' parameter must be one of: Latency, Chicago, IL.",
      }),
      expect.objectContaining({
        code: '10033',
        pointer: '/inbound/channel_limit',
        detail: "The 'channel_limit' parameter must be between 1 and 100.",
      }),
    ]);
  });

  it('says "at most N characters" for an over-long string', () => {
    expect(
      items(Application, {
        application_name: 'x'.repeat(11),
        webhook_event_url: 'https://a.test',
      })[0],
    ).toMatchObject({
      code: '10015',
      detail: "The 'application_name' parameter must be at most 10 characters.",
    });
  });

  it('points at the whole body when it is not an object', () => {
    expect(items(Application, [1])[0]).toMatchObject({ code: '10015', pointer: '/' });
  });

  it('names query parameters, not pointers', () => {
    const Query = Type.Object({ 'page[size]': Type.Optional(Int(1, 250)) });
    expect(items(Query, { 'page[size]': '0' }, 'querystring')).toEqual([
      {
        code: '10033',
        title: 'Value outside of range',
        detail: "The 'page[size]' parameter must be between 1 and 250.",
        parameter: 'page[size]',
      },
    ]);
  });
});

describe('what the handler gets', () => {
  it('fills declared defaults and drops members the declaration does not name', () => {
    const { value } = validate(Application, {
      application_name: 'x',
      webhook_event_url: 'https://a.test',
      unknown: 1,
    });
    expect(value).toEqual({
      application_name: 'x',
      webhook_event_url: 'https://a.test',
      anchorsite_override: 'Latency',
      inbound: {},
      active: true,
    });
  });

  it('keeps __proto__ and constructor as data, never as the prototype', () => {
    const Open = Type.Object({ payload: AnyObject() });
    const body: unknown = JSON.parse('{"payload":{"__proto__":{"x":1},"constructor":2}}');
    const { value } = validate(Open, body);
    const payload = (value as { payload: object }).payload;
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(Object.keys(payload)).toEqual(['__proto__', 'constructor']);
  });

  it('in lenient objects, reads numeric and boolean strings, and null or "" as absent', () => {
    const Command = Type.Object(
      {
        timeout_secs: Type.Optional(Int(5, 600, { default: 30 })),
        beep_enabled: Type.Optional(Type.Boolean({ default: false })),
        client_state: Type.Optional(Text()),
      },
      { [LENIENT]: true },
    );
    expect(
      validate(Command, { timeout_secs: '60', beep_enabled: 'true', client_state: '' }).value,
    ).toEqual({
      timeout_secs: 60,
      beep_enabled: true,
    });
    expect(validate(Command, undefined).value).toEqual({ timeout_secs: 30, beep_enabled: false });
    expect(items(Command, { timeout_secs: 'soon' })[0]).toMatchObject({
      code: '10015',
      pointer: '/timeout_secs',
    });
  });

  it('outside lenient objects, coerces nothing', () => {
    const Strict = Type.Object({ n: Int(1, 5), s: Text() });
    expect(items(Strict, { n: '3', s: 5 }).map((item) => item.pointer)).toEqual(['/n', '/s']);
  });
});

describe('time filter bounds', () => {
  it('take a date or a date-time, as the deliveries list always has', async () => {
    const { DeliveryListQuery } = await import('@switchboard/core/contract');
    expect(
      validate(DeliveryListQuery, { 'filter[started_at][gte]': '2026-03-01' }, 'querystring').error,
    ).toBeUndefined();
    expect(
      items(DeliveryListQuery, { 'filter[started_at][gte]': 'yesterday' }, 'querystring')[0],
    ).toMatchObject({
      code: '10015',
      parameter: 'filter[started_at][gte]',
      detail: "The 'filter[started_at][gte]' parameter must be an ISO 8601 date-time.",
    });
  });
});
