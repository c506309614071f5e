/** A webhook target resolved to an address that `--egress public-only` forbids. */
export class EgressRefusedError extends Error {
  readonly code = 'SB_EGRESS_REFUSED';

  constructor(host: string, address: string, range: string) {
    super(
      host === address
        ? `egress refused: ${address} is a ${range} address (--egress public-only)`
        : `egress refused: ${host} resolves to ${address}, a ${range} address (--egress public-only)`,
    );
    this.name = 'EgressRefusedError';
  }
}
