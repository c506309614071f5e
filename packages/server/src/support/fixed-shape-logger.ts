import type { ChildLoggerOptions } from 'pino';

/**
 * A logger without pino's redaction, for the lines written per request and per attempt. Each is
 * built field by field from a fixed list in which no name is one of `REDACT_PATHS`, so redaction
 * could never change them; yet it costs about 20 µs a line (it copies the object to look), which
 * was a tenth of a published event's time on the event loop. Everything else keeps it.
 */
export function fixedShapeLogger<
  L extends { child(bindings: object, options: ChildLoggerOptions): L },
>(logger: L): L {
  return logger.child({}, { redact: { paths: [] } });
}
