import { pino, type Logger } from 'pino';
import type { LogLevel } from './config/setting-parsers.js';

/**
 * The server's logger. Secrets are redacted by path as a second line of defence: request
 * logs carry no headers, but an error object might.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        '*.headers.authorization',
        '*.headers.cookie',
        '*.headers["x-api-key"]',
        'apiKey',
        '*.apiKey',
        'api_key',
        '*.api_key',
      ],
      censor: '[hidden]',
    },
  });
}
