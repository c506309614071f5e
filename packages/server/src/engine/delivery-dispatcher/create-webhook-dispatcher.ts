import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, type buildConnector, type Dispatcher } from 'undici';
import { egressConnector } from '../egress/egress-connector.js';
import type { EgressMode } from '../egress/egress-mode.js';
import type { EgressCheck } from '../egress/egress-connector.js';
import { StartupError } from '../../support/errors/startup-error.js';

/** How the delivery engine's outbound HTTP client is built. */
export interface WebhookDispatcherOptions {
  /** Keep-alive connections per receiving origin; default 16. */
  readonly connections?: number;
  /**
   * A PEM file of extra certificate authorities that HTTPS webhook targets may chain to, for
   * private test setups. The public roots stay trusted; certificates are always verified.
   */
  readonly caFile?: string | null;
  /** `public-only` refuses private, loopback, link-local and metadata targets; default `all`. */
  readonly egress?: EgressMode;
  /** Replaces the resolver or the range check of `public-only` (tests). */
  readonly egressCheck?: EgressCheck;
}

const KEEP_ALIVE_MS = 4_000;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The undici dispatcher that sends every webhook. One module builds it so that each outbound
 * policy (extra trust, egress rules) lands on the same client. Throws {@link StartupError} with
 * code `INVALID_CONFIG` when the CA file cannot be read or holds no certificate.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions = {}): Dispatcher {
  const caFile = options.caFile ?? null;
  return new Agent({
    connections: options.connections ?? 16,
    keepAliveTimeout: KEEP_ALIVE_MS,
    ...connectOption(
      options,
      caFile === null ? {} : { ca: [...rootCertificates, ...readCaFile(caFile)] },
    ),
  });
}

/** Plain TLS options, or with `public-only` a connector that checks every address first. */
function connectOption(
  options: WebhookDispatcherOptions,
  tls: buildConnector.BuildOptions,
): { connect?: buildConnector.BuildOptions | buildConnector.connector } {
  if (options.egress !== 'public-only')
    return Object.keys(tls).length === 0 ? {} : { connect: tls };
  const check = options.egressCheck === undefined ? {} : { check: options.egressCheck };
  return { connect: egressConnector({ connect: tls, ...check }) };
}

/** The PEM certificates in `path`; passing `ca` replaces Node's roots, hence the merge above. */
export function readCaFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError('INVALID_CONFIG', `cannot read the webhook CA file: ${reason}`);
  }
  const certificates = text.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    throw new StartupError('INVALID_CONFIG', `${path} holds no PEM certificate`);
  }
  return certificates;
}
