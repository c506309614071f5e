import selfsigned from 'selfsigned';

/** A PEM certificate and its PEM private key. */
export interface CertificatePair {
  readonly cert: string;
  readonly key: string;
}

/** Long enough for a dev machine, within the 825 days that Apple's TLS clients still accept. */
const VALID_DAYS = 825;
const DAY_MS = 86_400_000;

/**
 * A certificate for `localhost`, `127.0.0.1` and `::1`, signed by its own key. It is not a CA
 * (`cA: false`), so trusting it through `NODE_EXTRA_CA_CERTS` trusts this server and nothing
 * that its key could sign. EC P-256 keeps generation fast.
 */
export async function generateSelfSignedCertificate(now: Date): Promise<CertificatePair> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + VALID_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
