import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  BadRequestError,
  HeaderFieldsTooLargeError,
  RequestTimeoutError,
  type ApiError,
} from '../../support/errors/api-error.js';
import { toErrorResponse } from '../to-error-response.js';
import type { RequestLimits } from './request-limits.js';

/** How long a refused connection may take to read its answer before it is cut. */
const FLUSH_GRACE_MS = 1_000;

/** A `clientError` listener: errors Node finds before a request reaches the app. */
export type ClientErrorHandler = (error: Error & { code?: string }, socket: Duplex) => void;

/**
 * Answers what Node's HTTP parser refuses (malformed requests, oversized headers, requests that
 * do not arrive in time) with the Telnyx error envelope, and closes the connection. As in Node's
 * own handler, it writes only while no reply to the connection's current request has begun;
 * otherwise the connection is just closed.
 */
export function clientErrorReply(limits: RequestLimits): ClientErrorHandler {
  return (error, socket) => {
    if (socket.destroyed || socket.writableEnded) return;
    if (error.code === 'ECONNRESET' || !canAnswer(socket)) {
      socket.destroy();
      return;
    }
    const response = toErrorResponse(apiErrorOf(error.code, limits), limits.bodyLimitBytes);
    answerAndClose(socket, response.status, JSON.stringify(response.body));
  };
}

function apiErrorOf(code: string | undefined, limits: RequestLimits): ApiError {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RequestTimeoutError(limits.headersTimeoutMs, limits.requestTimeoutMs);
    case 'HPE_HEADER_OVERFLOW':
      return new HeaderFieldsTooLargeError(limits.maxHeaderBytes);
    default:
      return new BadRequestError('The request is not valid HTTP/1.1.');
  }
}

/** Node links a connection to the reply in progress on it; none, or one not begun, may be answered. */
function canAnswer(socket: Duplex): boolean {
  const current = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return socket.writable && current?.headersSent !== true;
}

function answerAndClose(socket: Duplex, status: number, body: string): void {
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ].join('\r\n');
  const cut = setTimeout(() => socket.destroy(), FLUSH_GRACE_MS);
  cut.unref();
  socket.end(`${head}\r\n\r\n${body}`, () => {
    clearTimeout(cut);
    socket.destroy();
  });
}
