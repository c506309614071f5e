import Type from 'typebox';
import { EXPECTED, Int, OneOf, Text, type JsonValue } from '@switchboard/core/contract';
import { invalidIssue, missingIssue } from '../../http/validation/issues.js';
import type { AiGatherState, ConversationMessage, ConversationState } from './call-extras.js';
import { command, type CommandDeclaration } from './command-declaration.js';
import type { FoundIssues } from './found-issues.js';
import { referOutcome } from './refer-transitions.js';

interface ExtendedContext {
  readonly newId: () => string;
}

/** The connector name whose SIPREC session fails, so apps can test `siprec.failed`. */
export const FAILING_SIPREC_CONNECTOR = 'switchboard-unreachable';

const WEBSOCKET_URL = /^wss?:\/\/\S+/;

/** A JSON object whose members this emulator reads itself. */
function JsonObject(expected: string, description?: string) {
  return Type.Unsafe<{ [key: string]: JsonValue }>(
    Type.Record(Type.String(), Type.Unknown(), {
      [EXPECTED]: expected,
      ...(description === undefined ? {} : { description }),
    }),
  );
}

const stop = (name: 'siprec_stop' | 'suppression_stop' | 'record_pause' | 'record_resume') =>
  command(`Call Control: ${name}`, {}, () => ({ name }));

/** The extended commands, by action path segment. */
export const EXTENDED_COMMANDS: Readonly<Record<string, CommandDeclaration>> = {
  refer: command(
    'Send a SIP REFER',
    { sip_address: Text({ description: 'Where the far end is referred' }) },
    (body) => ({ name: 'refer', refer: referOutcome(body.sip_address) }),
  ),
  send_sip_info: command(
    'Send a SIP INFO message',
    { content_type: Text(), body: Text({ allowBlank: true }) },
    () => ({ name: 'send_sip_info' }),
  ),
  siprec_start: command(
    'Start a SIPREC session',
    {
      connector_name: Type.Optional(Text()),
      sip_transport: Type.Optional(OneOf(['udp', 'tcp', 'tls'])),
      siprec_track: Type.Optional(OneOf(['inbound_track', 'outbound_track', 'both_tracks'])),
      session_timeout_secs: Type.Optional(Int(1, 14_400)),
    },
    (body) => ({ name: 'siprec_start', fails: body.connector_name === FAILING_SIPREC_CONNECTOR }),
  ),
  siprec_stop: stop('siprec_stop'),
  suppression_start: command(
    'Start noise suppression',
    { direction: Type.Optional(OneOf(['inbound', 'outbound', 'both'])) },
    () => ({ name: 'suppression_start' }),
  ),
  suppression_stop: stop('suppression_stop'),
  switch_supervisor_role: command(
    'Switch the supervisor role',
    { role: OneOf(['barge', 'whisper', 'monitor']) },
    (body) => ({ name: 'switch_supervisor_role', role: body.role }),
  ),
  record_pause: stop('record_pause'),
  record_resume: stop('record_resume'),
  gather_using_ai: command(
    'Gather fields by AI conversation',
    {
      parameters: JsonObject('a JSON schema object', 'A JSON schema of the fields to gather'),
      user_response_timeout_ms: Type.Optional(Int(1, 600_000)),
      greeting: Type.Optional(Text()),
      message_history: Type.Optional(Type.Array(Type.Unknown())),
    },
    (body, ctx) => {
      const gather = aiGatherOf(body.parameters, body.user_response_timeout_ms ?? 10_000);
      const conversation = conversationOf(ctx, 'ai_gather', null, gather);
      const history = openingHistory(body.message_history ?? [], body.greeting, gather);
      return { name: 'conversation_start', conversation: { ...conversation, history } };
    },
  ),
  ai_assistant_start: command(
    'Start an AI assistant',
    { assistant: Type.Optional(JsonObject('a JSON object', 'The assistant: { id, … }')) },
    (body, ctx) => {
      const id = body.assistant?.['id'];
      return {
        name: 'conversation_start',
        conversation: conversationOf(ctx, 'ai_assistant', typeof id === 'string' ? id : null, null),
      };
    },
  ),
  ai_assistant_join: command(
    'Join a running AI assistant conversation',
    { conversation_id: Text(), participant: JsonObject('a JSON object') },
    (body, ctx) => ({
      name: 'ai_assistant_join',
      conversation: {
        ...conversationOf(ctx, 'ai_assistant', null, null),
        id: body.conversation_id,
      },
    }),
  ),
  ai_assistant_add_messages: command(
    'Add messages to the AI assistant conversation',
    { messages: Type.Optional(Type.Array(Type.Unknown())) },
    (body) => ({ name: 'ai_assistant_add_messages', messages: messagesOf(body.messages ?? []) }),
  ),
  ai_assistant_stop: command('Stop the AI assistant', {}, () => ({ name: 'ai_assistant_stop' })),
  conversation_relay_start: command(
    'Start a conversation relay',
    {
      conversation_relay_settings: Type.Optional(
        JsonObject('a JSON object', 'Holds url: the relay WebSocket (ws:// or wss://)'),
      ),
    },
    (body, ctx, issues) => {
      relayUrl(body.conversation_relay_settings?.['url'], issues);
      return {
        name: 'conversation_start',
        conversation: conversationOf(ctx, 'conversation_relay', null, null),
      };
    },
  ),
  conversation_relay_stop: command('Stop the conversation relay', {}, () => ({
    name: 'conversation_relay_stop',
  })),
};

function conversationOf(
  ctx: ExtendedContext,
  kind: ConversationState['kind'],
  assistantId: string | null,
  gather: AiGatherState | null,
): ConversationState {
  return { id: ctx.newId(), kind, startedAt: 0, assistantId, history: [], gather };
}

/** `parameters` is a JSON schema object; its properties and `required` say what to gather. */
function aiGatherOf(
  parameters: { readonly [key: string]: JsonValue },
  timeoutMs: number,
): AiGatherState {
  const properties = recordOf(parameters['properties']) ?? {};
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => {
      const type = recordOf(schema)?.['type'];
      return [name, typeof type === 'string' ? type : 'string'];
    }),
  );
  const listed = parameters['required'];
  const required = Array.isArray(listed)
    ? listed.filter((name): name is string => typeof name === 'string')
    : Object.keys(fields);
  return { fields, required, result: {}, timeoutMs };
}

/**
 * The conversation so far (`message_history`), then the assistant's opening line: the
 * `greeting`, or a question naming the fields asked for.
 */
function openingHistory(
  given: readonly unknown[],
  greeting: string | undefined,
  gather: AiGatherState,
): ConversationMessage[] {
  const earlier = given.flatMap((item) => {
    const message = recordOf(item);
    if (message === null) return [];
    const content = message['content'];
    return [
      {
        role: message['role'] === 'assistant' ? ('assistant' as const) : ('user' as const),
        content: typeof content === 'string' ? content : '',
      },
    ];
  });
  const fields = Object.keys(gather.fields).map((name) => name.replace(/_/g, ' '));
  const opening = greeting ?? `Please tell me your ${fields.join(' and ')}.`;
  return [...earlier, { role: 'assistant', content: opening }];
}

function messagesOf(messages: readonly unknown[]): string[] {
  return messages.map((message) => {
    const content = recordOf(message)?.['content'];
    return typeof content === 'string' ? content : JSON.stringify(message);
  });
}

/** The relay's WebSocket: `conversation_relay_settings.url` (required by the spec). */
function relayUrl(url: unknown, issues: FoundIssues): void {
  if (typeof url === 'string' && WEBSOCKET_URL.test(url)) return;
  const pointer = '/conversation_relay_settings/url';
  issues.report(
    url === undefined
      ? missingIssue({ pointer })
      : invalidIssue({ pointer }, 'a ws:// or wss:// URL'),
  );
}

/** A JSON object's own members, or null for anything else. */
function recordOf(value: unknown): Readonly<Record<string, unknown>> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value));
}
