import { ApiError } from '../../support/errors/api-error.js';
import type { Refusal } from './call-input.js';

/** 422 / 90015: no call with this call_control_id belongs to the account. */
export class InvalidCallControlIdError extends ApiError {
  constructor(pointer = '/call_control_id') {
    super(422, [
      {
        code: '90015',
        title: 'Invalid Call Control ID',
        detail: 'The call_control_id provided was not valid.',
        pointer,
      },
    ]);
  }
}

/** 422 / 10015: the connection is not a Call Control App of the account with a webhook URL. */
export class InvalidConnectionError extends ApiError {
  constructor() {
    super(422, [
      {
        code: '10015',
        title: 'Invalid value for connection_id (Call Control App ID)',
        detail:
          'The requested connection_id (Call Control App ID) is either invalid or does not exist. Only Call Control Apps with valid webhook URL are accepted.',
        pointer: '/connection_id',
      },
    ]);
  }
}

/** 422 / 10015 at `/conversation_id`: ai_assistant_join names no running conversation. */
export class UnknownConversationError extends ApiError {
  constructor() {
    super(422, [
      {
        code: '10015',
        title: 'Invalid value',
        detail: 'No AI Assistant conversation with this conversation_id is running.',
        pointer: '/conversation_id',
      },
    ]);
  }
}

/** A state refusal from the call machine (90018, 90034, …), as the spec's examples word it. */
export class CallStateError extends ApiError {
  readonly refusal: Refusal;

  constructor(refusal: Refusal) {
    super(422, [REFUSALS[refusal]]);
    this.refusal = refusal;
  }
}

const REFUSALS = {
  call_ended: {
    code: '90018',
    title: 'Call has already ended',
    detail: "This call is no longer active and can't receive commands.",
  },
  not_answered: {
    code: '90034',
    title: 'Call not answered yet',
    detail: "This call can't receive this command because it has not been answered yet.",
  },
  not_forked: {
    code: '90031',
    title: 'Call is not currently forked',
    detail: "Can't stop forking, because the call isn't currently forked.",
  },
  queue_full: {
    code: '90036',
    title: 'Queue full',
    detail: "The queue is full and can't accept more calls.",
  },
  already_queued: {
    code: '90038',
    title: 'Call already in queue',
    detail: "Call can't be added to a queue it's already in.",
  },
  // The spec lists no "already answered" error; 90018 is its refusal for a call that can no
  // longer take the command (docs/decisions.md, "answer on an answered call").
  not_parked: {
    code: '90018',
    title: 'Call has already ended',
    detail: 'This call is no longer waiting to be answered, so it cannot be answered again.',
  },
  ai_active: {
    code: '90061',
    title: 'AI Assistant is already in progress',
    detail: 'AI Assistant cannot be started more than once.',
  },
  no_conversation: {
    code: '10015',
    title: 'No AI Assistant running',
    detail: 'This command needs an AI Assistant running on the call; start one first.',
  },
  transcribing: {
    code: '90054',
    title: 'Call transcription is already in progress',
    detail: 'Call transcription can not be started more than once.',
  },
} as const;
