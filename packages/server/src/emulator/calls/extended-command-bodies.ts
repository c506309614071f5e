import { invalidIssue, missingIssue } from '../../api/validation/issues.js';
import { isRecord, type BodyReader } from './body-reader.js';
import type { AiGatherState, ConversationMessage, ConversationState } from './call-extras.js';
import type { ExtendedCommand } from './extended-command.js';
import { referOutcome } from './refer-transitions.js';

interface ExtendedContext {
  readonly newId: () => string;
}

type ExtendedParser = (reader: BodyReader, ctx: ExtendedContext) => ExtendedCommand;

/** The connector name whose SIPREC session fails, so apps can test `siprec.failed`. */
export const FAILING_SIPREC_CONNECTOR = 'switchboard-unreachable';

/** Body readers of the extended commands, by action path segment. */
export const EXTENDED_PARSERS: Readonly<Record<string, ExtendedParser>> = {
  refer: (r) => ({
    name: 'refer',
    refer: referOutcome(r.string('sip_address', { required: true }) ?? ''),
  }),
  send_sip_info: (r) => {
    r.string('content_type', { required: true });
    r.string('body', { required: true });
    return { name: 'send_sip_info' };
  },
  siprec_start: (r) => {
    r.oneOf('sip_transport', ['udp', 'tcp', 'tls'], 'udp');
    r.oneOf('siprec_track', ['inbound_track', 'outbound_track', 'both_tracks'], 'both_tracks');
    r.int('session_timeout_secs', 1, 14_400, 1800);
    return { name: 'siprec_start', fails: r.string('connector_name') === FAILING_SIPREC_CONNECTOR };
  },
  siprec_stop: () => ({ name: 'siprec_stop' }),
  suppression_start: (r) => {
    r.oneOf('direction', ['inbound', 'outbound', 'both'], 'inbound');
    return { name: 'suppression_start' };
  },
  suppression_stop: () => ({ name: 'suppression_stop' }),
  switch_supervisor_role: (r) => {
    if (r.body['role'] === undefined) r.report(missingIssue({ pointer: '/role' }));
    return {
      name: 'switch_supervisor_role',
      role: r.oneOf('role', ['barge', 'whisper', 'monitor'], 'barge'),
    };
  },
  record_pause: () => ({ name: 'record_pause' }),
  record_resume: () => ({ name: 'record_resume' }),
  gather_using_ai: (r, ctx) => {
    const gather = aiGatherOf(r);
    const conversation = conversationOf(ctx, 'ai_gather', null, gather);
    return {
      name: 'conversation_start',
      conversation: { ...conversation, history: openingHistory(r, gather) },
    };
  },
  ai_assistant_start: (r, ctx) => {
    const assistant = r.body['assistant'];
    const id = isRecord(assistant) && typeof assistant['id'] === 'string' ? assistant['id'] : null;
    return {
      name: 'conversation_start',
      conversation: conversationOf(ctx, 'ai_assistant', id, null),
    };
  },
  ai_assistant_join: (r, ctx) => {
    const id = r.string('conversation_id', { required: true }) ?? '';
    if (!isRecord(r.body['participant'])) r.report(missingIssue({ pointer: '/participant' }));
    return {
      name: 'ai_assistant_join',
      conversation: { ...conversationOf(ctx, 'ai_assistant', null, null), id },
    };
  },
  ai_assistant_add_messages: (r) => ({
    name: 'ai_assistant_add_messages',
    messages: messagesOf(r),
  }),
  ai_assistant_stop: () => ({ name: 'ai_assistant_stop' }),
  conversation_relay_start: (r, ctx) => {
    relayUrl(r);
    return {
      name: 'conversation_start',
      conversation: conversationOf(ctx, 'conversation_relay', null, null),
    };
  },
  conversation_relay_stop: () => ({ name: 'conversation_relay_stop' }),
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
function aiGatherOf(reader: BodyReader): AiGatherState {
  const parameters = reader.body['parameters'];
  const timeoutMs = reader.int('user_response_timeout_ms', 1, 600_000, 10_000);
  if (!isRecord(parameters)) {
    if (parameters === undefined) reader.report(missingIssue({ pointer: '/parameters' }));
    else reader.report(invalidIssue({ pointer: '/parameters' }, 'a JSON schema object'));
    return { fields: {}, required: [], result: {}, timeoutMs };
  }
  const properties = isRecord(parameters['properties']) ? parameters['properties'] : {};
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [
      name,
      isRecord(schema) && typeof schema['type'] === 'string' ? schema['type'] : 'string',
    ]),
  );
  const required = Array.isArray(parameters['required'])
    ? parameters['required'].filter((name): name is string => typeof name === 'string')
    : Object.keys(fields);
  return { fields, required, result: {}, timeoutMs };
}

/**
 * The conversation so far (`message_history`), then the assistant's opening line: the
 * `greeting`, or a question naming the fields asked for.
 */
function openingHistory(reader: BodyReader, gather: AiGatherState): ConversationMessage[] {
  const given = reader.body['message_history'];
  const earlier = Array.isArray(given)
    ? given.filter(isRecord).map((m) => ({
        role: m['role'] === 'assistant' ? ('assistant' as const) : ('user' as const),
        content: typeof m['content'] === 'string' ? m['content'] : '',
      }))
    : [];
  const fields = Object.keys(gather.fields).map((name) => name.replace(/_/g, ' '));
  const greeting = reader.string('greeting') ?? `Please tell me your ${fields.join(' and ')}.`;
  return [...earlier, { role: 'assistant', content: greeting }];
}

function messagesOf(reader: BodyReader): string[] {
  const messages = reader.body['messages'];
  if (messages === undefined) return [];
  if (!Array.isArray(messages)) {
    reader.report(invalidIssue({ pointer: '/messages' }, 'an array'));
    return [];
  }
  return messages.map((message) =>
    isRecord(message) && typeof message['content'] === 'string'
      ? message['content']
      : JSON.stringify(message),
  );
}

/** The relay's WebSocket: `conversation_relay_settings.url` (required by the spec). */
function relayUrl(reader: BodyReader): void {
  const settings = reader.body['conversation_relay_settings'];
  const url = isRecord(settings) ? settings['url'] : undefined;
  if (typeof url === 'string' && /^wss?:\/\/\S+/.test(url)) return;
  const pointer = '/conversation_relay_settings/url';
  reader.report(
    url === undefined
      ? missingIssue({ pointer })
      : invalidIssue({ pointer }, 'a ws:// or wss:// URL'),
  );
}
