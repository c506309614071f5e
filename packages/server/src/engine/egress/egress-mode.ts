/**
 * Which webhook targets the engine may connect to. `all` suits local development (receivers on
 * loopback); `public-only` suits a server that strangers can point at URLs.
 */
export type EgressMode = 'all' | 'public-only';

export const EGRESS_MODES: readonly EgressMode[] = ['all', 'public-only'];
