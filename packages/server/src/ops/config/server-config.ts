import { resolve } from 'node:path';
import type { EgressMode } from '../../engine/egress/egress-mode.js';
import type { RateSetting } from '../../http/rate-limit/rate-setting.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../http/net/request-limits.js';
import { readConfigFile } from './config-file.js';
import {
  bool,
  delays,
  duration,
  egressMode,
  int,
  logLevel,
  postgresUrl,
  rate,
  text,
  type LogLevel,
  type Parser,
} from './setting-parsers.js';

/** Everything `switchboard serve` and `switchboard worker` can be told. */
export interface ServerConfig {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Absolute; holds the SQLite file and the `api_key` file. */
  readonly dataDir: string;
  /** PostgreSQL URL, or null for the embedded SQLite store. */
  readonly databaseUrl: string | null;
  /** Fixes the default account's API key. */
  readonly apiKey: string | null;
  /** Enables `POST /switchboard/accounts`. */
  readonly adminToken: string | null;
  readonly logLevel: LogLevel;
  /** Per-try timeout when an application sets none. */
  readonly webhookTimeoutMs: number;
  /** Delays of the rounds after the first; null keeps the engine's default schedule. */
  readonly retrySchedule: readonly number[] | null;
  readonly concurrency: number | null;
  readonly perOriginConcurrency: number | null;
  /** Delivery lease length; null keeps the engine's (longest try timeout + 30 s). */
  readonly leaseMs: number | null;
  /** How long a stopping worker lets tries in flight finish. */
  readonly shutdownGraceMs: number;
  /** How long a client may take to send a whole request (headers and body) before a 408. */
  readonly requestTimeoutMs: number;
  /** PEM file of extra CAs trusted for HTTPS webhook targets (private test setups). */
  readonly webhookCaFile: string | null;
  /** Also serve HTTPS (for telnyx 1.x/2.x, which only speak HTTPS); see docs/compatibility.md. */
  readonly tls: boolean;
  /** Port of the HTTPS listener; 0 picks a free one. */
  readonly tlsPort: number;
  /** PEM certificate and key files; null generates a self-signed pair into the data dir. */
  readonly tlsCert: string | null;
  readonly tlsKey: string | null;
  /** JSON file of settings, below flags and environment in precedence. */
  readonly configFile: string | null;
  /** Also serves `/metrics` without auth on this port (a private scrape network). */
  readonly metricsPort: number | null;
  /** Finished events and deliveries older than this are pruned; null keeps everything. */
  readonly retention: number | null;
  /** Which webhook targets may be connected to. */
  readonly egress: EgressMode;
  /** Per-account API rate limit; null is off. */
  readonly rateLimit: RateSetting | null;
  /** How long a rotated-out signing key stays listed (and valid for receivers). */
  readonly signingKeyOverlap: number;
}

/** Command-line flags as strings, by {@link ServerConfig} key. */
export type ConfigFlags = Partial<Record<keyof ServerConfig, string | undefined>>;

export type ConfigResult =
  | { readonly ok: true; readonly config: ServerConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

interface Setting<T> {
  readonly env: string;
  readonly flag: string;
  readonly parse: Parser<T>;
  readonly fallback: T;
}

const SETTINGS: { readonly [K in keyof ServerConfig]: Setting<ServerConfig[K]> } = {
  host: { env: 'SWITCHBOARD_HOST', flag: '--host', parse: text(), fallback: '127.0.0.1' },
  port: { env: 'SWITCHBOARD_PORT', flag: '--port', parse: int(0, 65_535), fallback: 7700 },
  dataDir: {
    env: 'SWITCHBOARD_DATA_DIR',
    flag: '--data-dir',
    parse: text(),
    fallback: '.switchboard',
  },
  databaseUrl: {
    env: 'SWITCHBOARD_DATABASE_URL',
    flag: '--database-url',
    parse: postgresUrl(),
    fallback: null,
  },
  apiKey: { env: 'SWITCHBOARD_API_KEY', flag: '--api-key', parse: text(), fallback: null },
  adminToken: {
    env: 'SWITCHBOARD_ADMIN_TOKEN',
    flag: '--admin-token',
    parse: text(),
    fallback: null,
  },
  logLevel: {
    env: 'SWITCHBOARD_LOG_LEVEL',
    flag: '--log-level',
    parse: logLevel(),
    fallback: 'info',
  },
  webhookTimeoutMs: {
    env: 'SWITCHBOARD_WEBHOOK_TIMEOUT_MS',
    flag: '--webhook-timeout-ms',
    parse: int(1, 30_000),
    fallback: 10_000,
  },
  retrySchedule: {
    env: 'SWITCHBOARD_RETRY_SCHEDULE',
    flag: '--retry-schedule',
    parse: delays(),
    fallback: null,
  },
  concurrency: {
    env: 'SWITCHBOARD_CONCURRENCY',
    flag: '--concurrency',
    parse: int(1, 10_000),
    fallback: null,
  },
  perOriginConcurrency: {
    env: 'SWITCHBOARD_PER_ORIGIN_CONCURRENCY',
    flag: '--per-origin-concurrency',
    parse: int(1, 10_000),
    fallback: null,
  },
  leaseMs: {
    env: 'SWITCHBOARD_LEASE_MS',
    flag: '--lease-ms',
    parse: int(1_000, 3_600_000),
    fallback: null,
  },
  shutdownGraceMs: {
    env: 'SWITCHBOARD_SHUTDOWN_GRACE_MS',
    flag: '--shutdown-grace-ms',
    parse: int(0, 600_000),
    fallback: 10_000,
  },
  requestTimeoutMs: {
    env: 'SWITCHBOARD_REQUEST_TIMEOUT_MS',
    flag: '--request-timeout-ms',
    parse: int(1_000, 600_000),
    fallback: DEFAULT_REQUEST_TIMEOUT_MS,
  },
  webhookCaFile: {
    env: 'SWITCHBOARD_WEBHOOK_CA_FILE',
    flag: '--webhook-ca-file',
    parse: text(),
    fallback: null,
  },
  tls: { env: 'SWITCHBOARD_TLS', flag: '--tls', parse: bool(), fallback: false },
  tlsPort: {
    env: 'SWITCHBOARD_TLS_PORT',
    flag: '--tls-port',
    parse: int(0, 65_535),
    fallback: 7443,
  },
  tlsCert: { env: 'SWITCHBOARD_TLS_CERT', flag: '--tls-cert', parse: text(), fallback: null },
  tlsKey: { env: 'SWITCHBOARD_TLS_KEY', flag: '--tls-key', parse: text(), fallback: null },
  configFile: { env: 'SWITCHBOARD_CONFIG', flag: '--config', parse: text(), fallback: null },
  metricsPort: {
    env: 'SWITCHBOARD_METRICS_PORT',
    flag: '--metrics-port',
    parse: int(0, 65_535),
    fallback: null,
  },
  retention: {
    env: 'SWITCHBOARD_RETENTION',
    flag: '--retention',
    parse: duration(60_000, 3_650 * 86_400_000),
    fallback: null,
  },
  egress: { env: 'SWITCHBOARD_EGRESS', flag: '--egress', parse: egressMode(), fallback: 'all' },
  rateLimit: {
    env: 'SWITCHBOARD_RATE_LIMIT',
    flag: '--rate-limit',
    parse: rate(),
    fallback: null,
  },
  signingKeyOverlap: {
    env: 'SWITCHBOARD_SIGNING_KEY_OVERLAP',
    flag: '--signing-key-overlap',
    parse: duration(0, 365 * 86_400_000),
    fallback: 86_400_000,
  },
};

/**
 * Reads the configuration: flags win over `SWITCHBOARD_*` variables, which win over the
 * `--config` file, which wins over defaults. Every invalid setting is reported, so one failed
 * start shows all the fixes needed.
 */
export function loadServerConfig(
  flags: ConfigFlags,
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult {
  const errors: string[] = [];
  const file = fileLayer(readSetting(SETTINGS.configFile, flags.configFile, env, errors), errors);
  const config: Partial<ServerConfig> = {};
  const read = <K extends keyof ServerConfig>(key: K): ServerConfig[K] => {
    const setting = SETTINGS[key];
    return readSetting(
      { ...setting, file: file.get(setting.flag.slice(2)) },
      flags[key],
      env,
      errors,
    );
  };
  for (const key of Object.keys(SETTINGS) as (keyof ServerConfig)[]) assign(config, key, read(key));
  if (errors.length > 0) return { ok: false, errors };
  // Every key of SETTINGS was read above, and SETTINGS has every key of ServerConfig.
  const loaded = config as ServerConfig;
  return { ok: true, config: { ...loaded, dataDir: resolve(loaded.dataDir) } };
}

/** Every setting's flag and variable, in declaration order, for `--help` and docs. */
export function allSettingNames(): readonly { readonly flag: string; readonly env: string }[] {
  return Object.values(SETTINGS).map(({ flag, env }) => ({ flag, env }));
}

/** The flag and variable names of a setting, for help texts and docs. */
export function settingNames(key: keyof ServerConfig): {
  readonly flag: string;
  readonly env: string;
} {
  return { flag: SETTINGS[key].flag, env: SETTINGS[key].env };
}

/** The config file's values by flag name; empty when there is no file or it is unreadable. */
function fileLayer(path: unknown, errors: string[]): ReadonlyMap<string, string> {
  if (typeof path !== 'string') return new Map();
  const known = new Set(Object.values(SETTINGS).map((setting) => setting.flag.slice(2)));
  known.delete('config');
  const read = readConfigFile(path, known);
  if (read.ok) return read.values;
  errors.push(read.error);
  return new Map();
}

function assign<K extends keyof ServerConfig>(
  config: Partial<ServerConfig>,
  key: K,
  value: ServerConfig[K],
): void {
  config[key] = value;
}

function readSetting<T>(
  setting: Setting<T> & { readonly file?: string | undefined },
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  errors: string[],
): T {
  const fromEnv = env[setting.env] === '' ? undefined : env[setting.env];
  const [raw, name] =
    flag !== undefined
      ? [flag, setting.flag]
      : fromEnv !== undefined
        ? [fromEnv, setting.env]
        : [setting.file, `config "${setting.flag.slice(2)}"`];
  if (raw === undefined) return setting.fallback;
  const parsed = setting.parse(raw, name);
  if (parsed.ok) return parsed.value;
  errors.push(parsed.error);
  return setting.fallback;
}
