import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { blockedRange } from './blocked-address.js';
import { EgressRefusedError } from './egress-refused-error.js';

/** `dns.lookup` with every address at once; tests pass one that fakes a resolver. */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for `net.connect` that resolves, drops every non-public address and hands the
 * socket only what is left. The socket then connects to exactly the addresses checked here, so
 * a DNS answer that changes between check and connect (rebinding) cannot slip through.
 */
export function guardedLookup(
  resolveAll: ResolveAll = dnsLookup,
  blocked: (address: string) => string | null = blockedRange,
): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    resolveAll(hostname, { all: true, family }, (error, addresses) => {
      if (error !== null) {
        callback(error, '', 0);
        return;
      }
      const allowed = addresses.filter((entry) => blocked(entry.address) === null);
      const [first] = allowed;
      if (first === undefined) callback(refusal(hostname, addresses, blocked), '', 0);
      else if (options.all === true) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

function refusal(
  hostname: string,
  addresses: readonly LookupAddress[],
  blocked: (address: string) => string | null,
): NodeJS.ErrnoException {
  const address = addresses[0]?.address ?? '(none)';
  return new EgressRefusedError(hostname, address, blocked(address) ?? 'non-public');
}
