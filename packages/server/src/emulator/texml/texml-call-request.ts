import { ValidationError } from '../../support/errors/api-error.js';
import { invalidIssue, type Issue } from '../../http/validation/issues.js';
import { isE164 } from '../phone-numbers/e164.js';
import type { CallbackTarget } from './texml-call-record.js';
import type {
  FarEndStep,
  InitiateTexmlApplicationCall,
  InitiateTexmlCall,
  UpdateTexmlCall,
} from './texml-route-contract.js';
import type { ActionTarget } from './texml-verbs.js';

/** An outbound TeXML call as the REST API takes it (CamelCase, JSON or form). */
export interface TexmlCallRequest {
  readonly to: string;
  readonly from: string;
  readonly url: ActionTarget | null;
  readonly fallbackUrl: string | null;
  readonly texml: string | null;
  readonly statusCallback: CallbackTarget | null;
  readonly timeoutSecs: number;
  readonly timeLimitSecs: number;
  readonly script: readonly FarEndStep[];
}

const EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

/**
 * A declared `POST /v2/texml/Accounts/{sid}/Calls` or `POST /v2/texml/calls/{id}` body as a
 * call to start. The rules a declaration cannot say (E.164 numbers, Url or Texml, the list of
 * status events) are checked here, every broken one reported at once (422).
 */
export function callRequestOf(
  body: InitiateTexmlCall | InitiateTexmlApplicationCall,
  method: 'GET' | 'POST',
): TexmlCallRequest {
  const issues = [
    phoneIssue(body.To, 'To'),
    phoneIssue(body.From, 'From'),
    body.Url !== undefined && body.Texml !== undefined ? bothIssue() : null,
    eventsIssue(body.StatusCallbackEvent),
  ];
  throwIssues(issues);
  return {
    to: body.To,
    from: body.From,
    url: body.Url === undefined ? null : { url: body.Url, method },
    fallbackUrl: body.FallbackUrl ?? null,
    texml: body.Texml ?? null,
    statusCallback:
      body.StatusCallback === undefined
        ? null
        : {
            url: body.StatusCallback,
            method: body.StatusCallbackMethod ?? 'POST',
            events: eventsOf(body.StatusCallbackEvent),
          },
    timeoutSecs: body.Timeout ?? 30,
    timeLimitSecs: body.TimeLimit ?? 14_400,
    script: body.script ?? [],
  };
}

/** `Status`, `Url`, `Method`, `FallbackUrl`, `Texml` of a Calls update. */
export interface TexmlCallUpdate {
  readonly status: 'completed' | 'canceled' | null;
  readonly url: ActionTarget | null;
  readonly fallbackUrl: string | null;
  readonly texml: string | null;
}

export function callUpdateOf(body: UpdateTexmlCall): TexmlCallUpdate {
  throwIssues([body.Url !== undefined && body.Texml !== undefined ? bothIssue() : null]);
  return {
    status: body.Status ?? null,
    url: body.Url === undefined ? null : { url: body.Url, method: body.Method ?? 'POST' },
    fallbackUrl: body.FallbackUrl ?? null,
    texml: body.Texml ?? null,
  };
}

/** 10016 for a party that is neither E.164 nor a SIP URI, as Call Control answers. */
export function phoneIssue(value: string, name: string): Issue | null {
  if (value.startsWith('sip:') || isE164(value)) return null;
  return {
    code: '10016',
    title: 'Phone number must be in +E164 format',
    detail: `The '${name}' parameter must be in E164 format.`,
    pointer: `/${name}`,
  };
}

/** Throws the 422 of every issue found, if any. */
export function throwIssues(found: readonly (Issue | null)[]): void {
  const [first, ...rest] = found.filter((issue): issue is Issue => issue !== null);
  if (first !== undefined) throw new ValidationError([first, ...rest]);
}

function bothIssue(): Issue {
  return invalidIssue({ pointer: '/Texml' }, 'left out when Url is given (one or the other)');
}

function eventsOf(text: string | undefined): string[] {
  return (text ?? 'completed').split(/[\s,]+/).filter(Boolean);
}

function eventsIssue(text: string | undefined): Issue | null {
  return eventsOf(text).every((event) => EVENTS.includes(event))
    ? null
    : invalidIssue({ pointer: '/StatusCallbackEvent' }, `a list drawn from ${EVENTS.join(' ')}`);
}
