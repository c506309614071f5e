import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../../support/errors/startup-error.js';
import { generateSelfSignedCertificate, type CertificatePair } from './self-signed-certificate.js';

/** The certificate and key the HTTPS listener serves, and where the certificate lives. */
export interface TlsMaterial extends CertificatePair {
  /** The PEM file a client trusts (`NODE_EXTRA_CA_CERTS`). */
  readonly certFile: string;
  /** True when Switchboard made the certificate (now or on an earlier start). */
  readonly selfSigned: boolean;
}

export interface TlsMaterialOptions {
  readonly dataDir: string;
  /** Both or neither: the operator's own PEM files. */
  readonly certFile: string | null;
  readonly keyFile: string | null;
  readonly now: Date;
}

/**
 * The operator's certificate, or the self-signed one in `<dataDir>/tls/`, made on first use and
 * made again once it has expired. Keeping it across starts means a client configured once with
 * `NODE_EXTRA_CA_CERTS` keeps working.
 */
export async function loadTlsMaterial(options: TlsMaterialOptions): Promise<TlsMaterial> {
  const { certFile, keyFile } = options;
  if (certFile !== null && keyFile !== null) {
    const pair = { cert: await readPem(certFile), key: await readPem(keyFile) };
    return { ...pair, certFile, selfSigned: false };
  }
  if (certFile !== null || keyFile !== null) {
    throw new StartupError('INVALID_CONFIG', '--tls-cert and --tls-key must be given together');
  }
  return selfSignedMaterial(options.dataDir, options.now);
}

async function selfSignedMaterial(dataDir: string, now: Date): Promise<TlsMaterial> {
  const dir = join(dataDir, 'tls');
  const certFile = join(dir, 'localhost-cert.pem');
  const keyFile = join(dir, 'localhost-key.pem');
  const kept = await readPair(certFile, keyFile);
  if (kept !== null && isCurrent(kept.cert, now)) return { ...kept, certFile, selfSigned: true };
  const made = await generateSelfSignedCertificate(now);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyFile, made.key, { mode: 0o600 });
  await writeFile(certFile, made.cert, { mode: 0o644 });
  return { ...made, certFile, selfSigned: true };
}

async function readPair(certFile: string, keyFile: string): Promise<CertificatePair | null> {
  try {
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
  } catch {
    return null;
  }
}

/** Valid now and for at least another day, so a long-running server does not cross expiry. */
function isCurrent(pem: string, now: Date): boolean {
  try {
    const cert = new X509Certificate(pem);
    const margin = now.getTime() + 86_400_000;
    return Date.parse(cert.validFrom) <= now.getTime() && Date.parse(cert.validTo) > margin;
  } catch {
    return false;
  }
}

async function readPem(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError('INVALID_CONFIG', `cannot read TLS file: ${reason}`);
  }
}
