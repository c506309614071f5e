const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An RFC 3339 timestamp as Unix microseconds, so events that differ below the millisecond
 * (Telnyx sends six fractional digits) still compare correctly. Unparseable or missing
 * timestamps map to 0, which sorts them first in a stable, order-independent way.
 */
export function occurredAtMicros(timestamp: string): number {
  const match = TIMESTAMP.exec(timestamp);
  if (match === null) return 0;
  const seconds = Date.parse(`${match[1] ?? ''}${match[3] ?? ''}`);
  if (Number.isNaN(seconds)) return 0;
  const fraction = Number((match[2] ?? '').slice(0, 6).padEnd(6, '0'));
  return seconds * 1000 + fraction;
}
