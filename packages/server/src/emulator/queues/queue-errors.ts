import { ApiError } from '../../support/errors/api-error.js';

/** 404 / 10007 "Resource not found", as the spec's queue routes answer an unknown name. */
export class QueueNotFoundError extends ApiError {
  constructor(what: string) {
    super(404, [{ code: '10007', title: 'Resource not found', detail: what }]);
  }
}

/** 400 / 90050: a queue with calls waiting cannot be deleted. */
export class QueueNotEmptyError extends ApiError {
  constructor() {
    super(400, [
      {
        code: '90050',
        title: 'Unable to delete queue',
        detail: 'Only empty queues can be deleted.',
      },
    ]);
  }
}

/** 422 / 10015 at `/queue`: bridge with a queue that has nobody waiting. */
export class EmptyQueueError extends ApiError {
  constructor(queue: string) {
    super(422, [
      {
        code: '10015',
        title: 'Queue is empty',
        detail: `The '${queue}' queue has no call waiting to be bridged.`,
        pointer: '/queue',
      },
    ]);
  }
}
