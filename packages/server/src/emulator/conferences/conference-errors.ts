import { ApiError } from '../../support/errors/api-error.js';

/** 404 / 90058: no conference with this id belongs to the account. */
export class ConferenceNotFoundError extends ApiError {
  constructor() {
    super(404, [
      { code: '90058', title: 'Invalid conference_id', detail: 'The conference does not exist.' },
    ]);
  }
}

/** A conference refusal, worded as the spec's examples. */
export type ConferenceRefusal = 'ended' | 'name_taken' | 'full' | 'not_participant';

export class ConferenceStateError extends ApiError {
  readonly refusal: ConferenceRefusal;

  constructor(refusal: ConferenceRefusal, maxParticipants = 0) {
    super(422, [itemFor(refusal, maxParticipants)]);
    this.refusal = refusal;
  }
}

function itemFor(refusal: ConferenceRefusal, maxParticipants: number) {
  switch (refusal) {
    case 'ended':
      return {
        code: '90019',
        title: 'Conference has already ended',
        detail: "This conference is no longer active and can't receive commands.",
      };
    case 'name_taken':
      return {
        code: '90033',
        title: 'Unable to execute command',
        detail: "Conference with given name already exists and it's active.",
        pointer: '/name',
      };
    case 'full':
      return {
        code: '90032',
        title: 'Maximum number of participants reached',
        detail: `The maximum allowed value of \`max_participants\` has been reached at ${maxParticipants}.`,
      };
    case 'not_participant':
      return {
        code: '90015',
        title: 'Invalid Call Control ID',
        detail: 'The call_control_id provided is not a participant of this conference.',
        pointer: '/call_control_id',
      };
  }
}
