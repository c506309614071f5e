/** A parsed setting, or a message that names what was wrong (never echoing secrets). */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export type Parser<T> = (text: string, name: string) => Parsed<T>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function text(): Parser<string> {
  return (value, name) =>
    value.trim() === '' ? { ok: false, error: `${name} must not be empty` } : { ok: true, value };
}

/** A whole number in `[min, max]`. */
export function int(min: number, max: number): Parser<number> {
  return (value, name) => {
    const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    return Number.isInteger(number) && number >= min && number <= max
      ? { ok: true, value: number }
      : {
          ok: false,
          error: `${name} must be a whole number from ${min} to ${max}, got "${value}"`,
        };
  };
}

/** A comma list of delays in ms, e.g. `60000,300000`. */
export function delays(): Parser<readonly number[]> {
  const each = int(0, 7 * 24 * 3_600_000);
  return (value, name) => {
    const parts = value.split(',').map((part) => each(part.trim(), name));
    const bad = parts.find((part) => !part.ok);
    if (bad !== undefined) return bad;
    return { ok: true, value: parts.map((part) => (part.ok ? part.value : 0)) };
  };
}

export function logLevel(): Parser<LogLevel> {
  return (value, name) =>
    (LOG_LEVELS as readonly string[]).includes(value)
      ? { ok: true, value: value as LogLevel }
      : { ok: false, error: `${name} must be one of ${LOG_LEVELS.join(', ')}, got "${value}"` };
}

/** Only PostgreSQL URLs; the URL itself is never echoed, since it may hold a password. */
export function postgresUrl(): Parser<string> {
  return (value, name) =>
    /^postgres(?:ql)?:\/\/\S+$/i.test(value) && URL.canParse(value)
      ? { ok: true, value }
      : { ok: false, error: `${name} must be a postgres:// or postgresql:// URL` };
}

/** `true`/`false`, `1`/`0`, `yes`/`no`, as flags and environment variables write switches. */
export function bool(): Parser<boolean> {
  return (value, name) => {
    const word = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(word)) return { ok: true, value: true };
    if (['false', '0', 'no', 'off'].includes(word)) return { ok: true, value: false };
    return { ok: false, error: `${name} must be true or false, got "${value}"` };
  };
}
