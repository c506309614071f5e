import { isHttpUrl } from '../../api/validation/field-checks.js';
import { invalidIssue } from '../../api/validation/issues.js';
import { BodyReader } from '../calls/body-reader.js';
import { phone } from '../calls/command-bodies.js';
import { readScript, type FarEndStep } from './far-end-script.js';
import type { CallbackTarget } from './texml-call-record.js';
import type { ActionTarget } from './texml-verbs.js';

/** An outbound TeXML call as the REST API takes it (CamelCase, JSON or form). */
export interface TexmlCallRequest {
  readonly to: string;
  readonly from: string;
  readonly applicationSid: string | null;
  readonly url: ActionTarget | null;
  readonly fallbackUrl: string | null;
  readonly texml: string | null;
  readonly statusCallback: CallbackTarget | null;
  readonly timeoutSecs: number;
  readonly timeLimitSecs: number;
  readonly script: readonly FarEndStep[];
}

const EVENTS = ['initiated', 'ringing', 'answered', 'completed'];
const METHODS = ['GET', 'POST'] as const;

/**
 * Reads `POST /v2/texml/Accounts/{sid}/Calls` (InitiateCallRequest) and `POST
 * /v2/texml/calls/{id}` (which names the application in the path and calls the method
 * `Method`). Every bad field is reported at once (422).
 */
export function readCallRequest(body: unknown, applicationInPath: boolean): TexmlCallRequest {
  const reader = new BodyReader(body);
  const to = phone(reader, 'To', true) ?? '';
  const from = phone(reader, 'From', true) ?? '';
  const applicationSid = applicationInPath
    ? null
    : reader.string('ApplicationSid', { required: true });
  const urlText = url(reader, 'Url');
  const method = reader.oneOf(applicationInPath ? 'Method' : 'UrlMethod', METHODS, 'POST');
  const texml = reader.string('Texml');
  if (urlText !== null && texml !== null)
    reader.report(
      invalidIssue({ pointer: '/Texml' }, 'left out when Url is given (one or the other)'),
    );
  const request: TexmlCallRequest = {
    to,
    from,
    applicationSid,
    url: urlText === null ? null : { url: urlText, method },
    fallbackUrl: url(reader, 'FallbackUrl'),
    texml,
    statusCallback: statusCallback(reader),
    timeoutSecs: reader.int('Timeout', 5, 120, 30),
    timeLimitSecs: reader.int('TimeLimit', 30, 14_400, 14_400),
    script: readScript(reader.body['script']),
  };
  reader.done();
  return request;
}

/** `Status`, `Url`, `Method`, `FallbackUrl`, `Texml` of a Calls update. */
export interface TexmlCallUpdate {
  readonly status: 'completed' | 'canceled' | null;
  readonly url: ActionTarget | null;
  readonly fallbackUrl: string | null;
  readonly texml: string | null;
}

export function readCallUpdate(body: unknown): TexmlCallUpdate {
  const reader = new BodyReader(body);
  const status = reader.string('Status');
  if (status !== null && status !== 'completed' && status !== 'canceled')
    reader.report(invalidIssue({ pointer: '/Status' }, 'completed or canceled'));
  const target = url(reader, 'Url');
  const update: TexmlCallUpdate = {
    status: status === 'completed' || status === 'canceled' ? status : null,
    url: target === null ? null : { url: target, method: reader.oneOf('Method', METHODS, 'POST') },
    fallbackUrl: url(reader, 'FallbackUrl'),
    texml: reader.string('Texml'),
  };
  if (update.url !== null && update.texml !== null)
    reader.report(
      invalidIssue({ pointer: '/Texml' }, 'left out when Url is given (one or the other)'),
    );
  reader.done();
  return update;
}

function url(reader: BodyReader, name: string): string | null {
  const value = reader.string(name);
  if (value === null || isHttpUrl(value)) return value;
  return reader.report(invalidIssue({ pointer: `/${name}` }, 'an http(s) URL'));
}

function statusCallback(reader: BodyReader): CallbackTarget | null {
  const target = url(reader, 'StatusCallback');
  const method = reader.oneOf('StatusCallbackMethod', METHODS, 'POST');
  const eventsText = reader.string('StatusCallbackEvent') ?? 'completed';
  const events = eventsText.split(/[\s,]+/).filter(Boolean);
  for (const event of events)
    if (!EVENTS.includes(event))
      reader.report(
        invalidIssue({ pointer: '/StatusCallbackEvent' }, `a list drawn from ${EVENTS.join(' ')}`),
      );
  return target === null ? null : { url: target, method, events };
}
