/** One entry of the Telnyx error envelope (`call-control_Error`). */
export interface ErrorItem {
  /** Telnyx error code: a string of digits, e.g. `"10005"`. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  /** JSON pointer into the request body, e.g. `/webhook_timeout_secs`. */
  readonly pointer?: string;
  /** Name of the query parameter at fault, e.g. `page[size]`. */
  readonly parameter?: string;
}

/**
 * Base of every error the HTTP API answers with. `code` is the stable Telnyx code of the first
 * item; `items` may hold several (validation reports every field at once).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly items: readonly [ErrorItem, ...ErrorItem[]];

  constructor(status: number, items: readonly [ErrorItem, ...ErrorItem[]]) {
    super(items[0].detail);
    this.name = new.target.name;
    this.status = status;
    this.code = items[0].code;
    this.items = items;
  }
}

/** 401 / 10009: no API key, or one that matches no account. */
export class AuthenticationError extends ApiError {
  constructor(
    detail = 'The required authentication headers were either invalid or not included in the request.',
  ) {
    super(401, [{ code: '10009', title: 'Authentication failed', detail }]);
  }
}

/** 403 / 10010: authenticated, but this action is not open to the caller. */
export class ForbiddenError extends ApiError {
  constructor(detail = 'You are not authorized to access the requested resource.') {
    super(403, [{ code: '10010', title: 'Not authorized', detail }]);
  }
}

/** 404 / 10005: unknown route, or a resource the account does not own. */
export class NotFoundError extends ApiError {
  constructor(detail = 'The requested resource or URL could not be found.') {
    super(404, [{ code: '10005', title: 'Resource not found', detail, pointer: '/' }]);
  }
}

/**
 * 404 / 10005 for a method and path no route serves. Same envelope as {@link NotFoundError}; the
 * detail names the route, so callers (and the spec-coverage test) can tell "no such route" from
 * "no such resource".
 */
export class RouteNotFoundError extends NotFoundError {
  constructor(method: string, path: string) {
    super(`${ROUTE_NOT_FOUND_PREFIX} ${method} ${path}.`);
  }
}

/** How every {@link RouteNotFoundError} detail begins. */
export const ROUTE_NOT_FOUND_PREFIX = 'No route matches';

/** 422: one or more invalid fields or query parameters. */
export class ValidationError extends ApiError {
  constructor(items: readonly [ErrorItem, ...ErrorItem[]]) {
    super(422, items);
  }
}

/** 400 / 10015: the request cannot be read at all (malformed JSON, bad headers). */
export class BadRequestError extends ApiError {
  constructor(detail: string, status = 400) {
    super(status, [{ code: '10015', title: 'Bad Request', detail }]);
  }
}

/** 413: the body is over the limit. Telnyx renders its framework error with code `"413"`. */
export class PayloadTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super(413, [
      {
        code: '413',
        title: 'Request Entity Too Large',
        detail: `The request body exceeds the limit of ${limitBytes} bytes.`,
      },
    ]);
  }
}

/** 408: the request did not arrive in full in time. Rendered like 413, with the status as code. */
export class RequestTimeoutError extends ApiError {
  constructor(headersTimeoutMs: number, requestTimeoutMs: number) {
    super(408, [
      {
        code: '408',
        title: 'Request Timeout',
        detail: `The request did not arrive in time: headers are due within ${headersTimeoutMs} ms and the whole request within ${requestTimeoutMs} ms.`,
      },
    ]);
  }
}

/** 431: the request's headers are over the size limit. */
export class HeaderFieldsTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super(431, [
      {
        code: '431',
        title: 'Request Header Fields Too Large',
        detail: `The request headers exceed the limit of ${limitBytes} bytes.`,
      },
    ]);
  }
}

/** 500 / 10007: a fault on our side. The detail never carries the cause. */
export class InternalError extends ApiError {
  constructor() {
    super(500, [
      {
        code: '10007',
        title: 'Internal server error',
        detail: 'An unexpected error occurred.',
      },
    ]);
  }
}
