// A light entry point: settings parsing only, so the CLI can build `--help` and parse flags
// without loading the server, its database drivers and the emulator.
export {
  loadServerConfig,
  allSettingNames,
  type ConfigFlags,
  type ServerConfig,
} from './ops/config/server-config.js';
export { tlsClientLines, type TlsClientInfo } from './ops/tls/tls-client-lines.js';
