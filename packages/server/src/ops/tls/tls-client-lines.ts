/** What an app needs to reach the HTTPS listener. */
export interface TlsClientInfo {
  readonly port: number;
  readonly certFile: string;
  readonly selfSigned: boolean;
}

/**
 * The lines `switchboard serve --tls` prints for apps built on telnyx 1.x/2.x, which read only a
 * host name (`TELNYX_API_BASE`) and always use HTTPS on port 443.
 */
export function tlsClientLines(info: TlsClientInfo): readonly string[] {
  const lines = [
    ...(info.selfSigned ? [`NODE_EXTRA_CA_CERTS=${info.certFile}`] : []),
    'TELNYX_API_BASE=localhost',
  ];
  if (info.port === 443) return lines;
  return [
    ...lines,
    `(telnyx 1.x/2.x always use port 443: run with --tls-port 443, forward 443 to ${info.port},` +
      ` or call telnyx.setHost('localhost', ${info.port}, 'https'))`,
  ];
}
