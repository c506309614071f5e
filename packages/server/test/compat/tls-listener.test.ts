import { X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupError } from '../../src/support/errors/startup-error.js';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { generateSelfSignedCertificate } from '../../src/ops/tls/self-signed-certificate.js';
import { tlsClientLines } from '../../src/ops/tls/tls-client-lines.js';
import { testConfig } from '../server/support/test-config.js';
import { httpsGet } from './support/https-get.js';

let server: RunningServer;
let ca: string;

beforeAll(async () => {
  server = await startServer(
    await testConfig({ SWITCHBOARD_TLS: 'true', SWITCHBOARD_TLS_PORT: '0' }),
  );
  ca = await readFile(server.tls?.certFile ?? '', 'utf8');
});
afterAll(async () => {
  await server.close();
});

describe('serve --tls', () => {
  it('serves the same API over HTTPS on a second port', async () => {
    const tls = server.tls;
    expect(tls?.url).toMatch(/^https:\/\/localhost:\d+$/);
    expect(tls?.port).not.toBe(new URL(server.url).port);
    const health = await httpsGet(`${tls?.url ?? ''}/health`, ca);
    expect(health).toEqual({ status: 200, body: '{"status":"ok"}' });
    const authed = await httpsGet(`https://127.0.0.1:${tls?.port ?? 0}/switchboard/account`, ca, {
      authorization: `Bearer ${server.apiKey ?? ''}`,
    });
    expect(authed.status).toBe(200);
  });

  it('generates a certificate for localhost and 127.0.0.1 into the data dir', () => {
    const cert = new X509Certificate(ca);
    expect(server.tls?.selfSigned).toBe(true);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.ca).toBe(false);
  });

  it('is refused by a client that does not trust the certificate', async () => {
    const other = await generateSelfSignedCertificate(new Date());
    await expect(httpsGet(`${server.tls?.url ?? ''}/health`, other.cert)).rejects.toThrow();
  });

  it('keeps the certificate across restarts of the same data dir', async () => {
    const config = await testConfig({ SWITCHBOARD_TLS: 'true', SWITCHBOARD_TLS_PORT: '0' });
    const first = await startServer(config);
    const before = await readFile(first.tls?.certFile ?? '', 'utf8');
    await first.close();
    const second = await startServer(config);
    await second.close();
    expect(await readFile(second.tls?.certFile ?? '', 'utf8')).toBe(before);
    expect(second.tls?.certFile).toBe(join(config.dataDir, 'tls', 'localhost-cert.pem'));
  });

  it('serves an operator certificate given with --tls-cert and --tls-key', async () => {
    const config = await testConfig({ SWITCHBOARD_TLS: 'true', SWITCHBOARD_TLS_PORT: '0' });
    const own = await generateSelfSignedCertificate(new Date());
    const certFile = join(config.dataDir, 'own-cert.pem');
    const keyFile = join(config.dataDir, 'own-key.pem');
    await writeFile(certFile, own.cert);
    await writeFile(keyFile, own.key);
    const started = await startServer({ ...config, tlsCert: certFile, tlsKey: keyFile });
    try {
      expect(started.tls).toMatchObject({ certFile, selfSigned: false });
      expect((await httpsGet(`${started.tls?.url ?? ''}/health`, own.cert)).status).toBe(200);
    } finally {
      await started.close();
    }
  });

  it('refuses to start with a certificate but no key', async () => {
    const config = await testConfig({ SWITCHBOARD_TLS: 'true', SWITCHBOARD_TLS_PORT: '0' });
    const failed = startServer({ ...config, tlsCert: join(config.dataDir, 'cert.pem') });
    await expect(failed).rejects.toBeInstanceOf(StartupError);
    await expect(failed).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
  });
});

describe('tlsClientLines', () => {
  it('tells a telnyx 1.x app where to point and what to trust', () => {
    expect(tlsClientLines({ port: 443, certFile: '/d/tls/c.pem', selfSigned: true })).toEqual([
      'NODE_EXTRA_CA_CERTS=/d/tls/c.pem',
      'TELNYX_API_BASE=localhost',
    ]);
  });

  it('explains the port when it is not 443, and drops the CA line for an operator certificate', () => {
    const lines = tlsClientLines({ port: 7443, certFile: '/c.pem', selfSigned: false });
    expect(lines[0]).toBe('TELNYX_API_BASE=localhost');
    expect(lines[1]).toContain("telnyx.setHost('localhost', 7443, 'https')");
  });
});
