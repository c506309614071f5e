import {
  ApiError,
  BadRequestError,
  InternalError,
  NotFoundError,
  PayloadTooLargeError,
  type ErrorItem,
} from '../support/errors/api-error.js';

/** The Telnyx error envelope as sent on the wire. */
export interface ErrorEnvelope {
  readonly errors: readonly ErrorEnvelopeItem[];
}

export interface ErrorEnvelopeItem {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly source?: { readonly pointer?: string; readonly parameter?: string };
  readonly meta: { readonly url: string };
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorEnvelope;
  /** True when the error is a fault to log, not a caller mistake. */
  readonly fault: boolean;
}

/**
 * The one place where any thrown value becomes an HTTP reply. Typed API errors keep their
 * status and code; framework errors for unreadable requests become 4xx; anything else is a
 * 500 whose body reveals nothing about the cause.
 */
export function toErrorResponse(error: unknown, bodyLimit: number): ErrorResponse {
  const apiError = asApiError(error, bodyLimit);
  return {
    status: apiError.status,
    body: { errors: apiError.items.map(envelopeItem) },
    fault: apiError instanceof InternalError,
  };
}

function asApiError(error: unknown, bodyLimit: number): ApiError {
  if (error instanceof ApiError) return error;
  const code = frameworkCode(error);
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new PayloadTooLargeError(bodyLimit);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new BadRequestError('The request body must be sent as application/json.', 415);
  }
  if (code === 'FST_ERR_BAD_URL') {
    return new BadRequestError('The request URL has a malformed percent-encoding.');
  }
  // The router refuses path parameters over 100 characters; no id is that long.
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return new NotFoundError();
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return new BadRequestError('The request body is not valid JSON.');
  }
  const status = clientStatus(error);
  if (status !== null) return new BadRequestError('The request could not be read.', status);
  return new InternalError();
}

function frameworkCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/** Fastify marks errors caused by the request itself with a 4xx `statusCode`. */
function clientStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return null;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function envelopeItem(item: ErrorItem): ErrorEnvelopeItem {
  const meta = { url: `https://developers.telnyx.com/docs/overview/errors/${item.code}` };
  const base = { code: item.code, title: item.title, detail: item.detail, meta };
  if (item.pointer === undefined && item.parameter === undefined) return base;
  const source = {
    ...(item.pointer === undefined ? {} : { pointer: item.pointer }),
    ...(item.parameter === undefined ? {} : { parameter: item.parameter }),
  };
  return { ...base, source };
}
