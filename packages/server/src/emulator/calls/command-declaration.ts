import { LENIENT } from '@switchboard/core/contract';
import Type, { type Static, type TObject, type TProperties } from 'typebox';
import type { CommonParams } from './call-input.js';
import type { ParsedCommand, ParseContext } from './parsed-command.js';
import { COMMON_FIELDS, commonOf, readCommonBody } from './common-params.js';
import { bodyReaderOf } from './declared-body.js';
import { FoundIssues } from './found-issues.js';

/** A command body as declared: its own members and the common ones, read leniently. */
export type CommandBody<F extends TProperties> = TObject<typeof COMMON_FIELDS & F>;

/** A checked command: its own settings and the common parameters. */
export interface ReadCommand {
  readonly parsed: ParsedCommand;
  readonly common: CommonParams;
}

/** One `POST /v2/calls/{call_control_id}/actions/{name}`: its body's declaration and reading. */
export interface CommandDeclaration {
  readonly summary: string;
  readonly body: TObject;
  /** Reads a body the route's declaration has checked (business rules may still refuse it). */
  readonly readChecked: (body: unknown, ctx: ParseContext) => ReadCommand;
  /** Checks and reads a body from elsewhere (a queue's or conference's own command). */
  readonly read: (body: unknown, ctx: ParseContext) => ReadCommand;
}

/**
 * Declares a command: `fields` are its own members with Telnyx's names and rules (the common
 * ones are added); `read` turns the checked body into the command, reporting what a schema
 * cannot say (E.164 numbers, digit sets) to `issues`.
 */
export function command<F extends TProperties>(
  summary: string,
  fields: F,
  read: (body: Static<TObject<F>>, ctx: ParseContext, issues: FoundIssues) => ParsedCommand,
): CommandDeclaration {
  const body = Type.Object({ ...COMMON_FIELDS, ...fields }, { [LENIENT]: true });
  const own = Type.Object(fields, { [LENIENT]: true });
  const readOwn = bodyReaderOf(own);
  const readBody = bodyReaderOf(body);
  const readChecked = (value: unknown, ctx: ParseContext): ReadCommand => {
    const issues = new FoundIssues();
    const common = commonOf(readCommonBody(value), issues);
    const parsed = read(readOwn(value), ctx, issues);
    issues.done();
    return { parsed, common };
  };
  return {
    summary,
    body,
    readChecked,
    read: (value, ctx) => readChecked(readBody(value), ctx),
  };
}
