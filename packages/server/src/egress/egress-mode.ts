import type { Parser } from '../config/setting-parsers.js';

/**
 * Which webhook targets the engine may connect to. `all` suits local development (receivers on
 * loopback); `public-only` suits a server that strangers can point at URLs.
 */
export type EgressMode = 'all' | 'public-only';

const MODES: readonly EgressMode[] = ['all', 'public-only'];

export function egressMode(): Parser<EgressMode> {
  return (value, name) =>
    (MODES as readonly string[]).includes(value)
      ? { ok: true, value: value as EgressMode }
      : { ok: false, error: `${name} must be one of ${MODES.join(', ')}, got "${value}"` };
}
