import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config/setting-parsers.js';
import { REDACT_PATHS } from './logging/redact-paths.js';

/**
 * The server's logger. Secrets are redacted by path as a second line of defence: request
 * logs carry no headers, but an error object might.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: [...REDACT_PATHS], censor: '[hidden]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
