import { resolve } from 'node:path';
import {
  delays,
  int,
  logLevel,
  postgresUrl,
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
  /** How long a stopping worker lets tries in flight finish. */
  readonly shutdownGraceMs: number;
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
  shutdownGraceMs: {
    env: 'SWITCHBOARD_SHUTDOWN_GRACE_MS',
    flag: '--shutdown-grace-ms',
    parse: int(0, 600_000),
    fallback: 10_000,
  },
};

/**
 * Reads the configuration: flags win over `SWITCHBOARD_*` variables, which win over defaults.
 * Every invalid setting is reported, so one failed start shows all the fixes needed.
 */
export function loadServerConfig(
  flags: ConfigFlags,
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult {
  const errors: string[] = [];
  const config: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS) as (keyof ServerConfig)[]) {
    config[key] = readSetting(SETTINGS[key], flags[key], env, errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  const loaded = config as unknown as ServerConfig;
  return { ok: true, config: { ...loaded, dataDir: resolve(loaded.dataDir) } };
}

/** The flag and variable names of a setting, for help texts and docs. */
export function settingNames(key: keyof ServerConfig): {
  readonly flag: string;
  readonly env: string;
} {
  return { flag: SETTINGS[key].flag, env: SETTINGS[key].env };
}

function readSetting(
  setting: Setting<unknown>,
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  errors: string[],
): unknown {
  const fromEnv = env[setting.env];
  const [raw, name] =
    flag !== undefined ? [flag, setting.flag] : [fromEnv === '' ? undefined : fromEnv, setting.env];
  if (raw === undefined) return setting.fallback;
  const parsed = setting.parse(raw, name);
  if (parsed.ok) return parsed.value;
  errors.push(parsed.error);
  return setting.fallback;
}
