import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { blockedRange } from './blocked-address.js';
import { EgressRefusedError } from './egress-refused-error.js';
import { guardedLookup, type ResolveAll } from './guarded-lookup.js';

/** Replaceable parts of the egress check; production uses `dns.lookup` and {@link blockedRange}. */
export interface EgressCheck {
  readonly resolveAll?: ResolveAll;
  /** The non-public range an address lies in, or null when it may be called. */
  readonly blockedRange?: (address: string) => string | null;
}

export interface EgressConnectorOptions {
  /** TLS and socket options passed through to every connection (e.g. `ca`). */
  readonly connect?: buildConnector.BuildOptions;
  readonly check?: EgressCheck;
}

/**
 * The connector under every webhook connection with `--egress public-only`. A hostname goes
 * through {@link guardedLookup}, and an IP literal (which `net.connect` never looks up) is
 * checked here; both fail the connection with {@link EgressRefusedError}. Redirect hops open
 * their connections through the same connector, so each hop is checked too.
 */
export function egressConnector(options: EgressConnectorOptions): buildConnector.connector {
  const blocked = options.check?.blockedRange ?? blockedRange;
  const lookup = guardedLookup(options.check?.resolveAll, blocked);
  const connect = buildConnector({ ...options.connect, lookup });
  return (target, callback) => {
    const range = isIP(target.hostname) === 0 ? null : blocked(target.hostname);
    if (range === null) connect(target, callback);
    else callback(new EgressRefusedError(target.hostname, target.hostname, range), null);
  };
}
