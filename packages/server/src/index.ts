export {
  startServer,
  type RunningServer,
  type RunningTls,
  type StartServerOptions,
} from './start-server.js';
export { tlsClientLines, type TlsClientInfo } from './ops/tls/tls-client-lines.js';
export { startWorker, type RunningWorker, type StartOptions } from './start-worker.js';
export { useServingV8Flags } from './ops/memory/serving-v8-flags.js';
export {
  loadServerConfig,
  allSettingNames,
  settingNames,
  type ConfigFlags,
  type ConfigResult,
  type ServerConfig,
} from './ops/config/server-config.js';
export type { LogLevel } from './ops/config/setting-parsers.js';
export { createApp, type RouteRegistrar } from './http/api/create-app.js';
export type { AppDeps } from './http/api/app-deps.js';
export type { RouteContext } from './http/api/routes/route-context.js';
export { StartupError, type StartupErrorCode } from './support/errors/startup-error.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ForbiddenError,
  InternalError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationError,
  type ErrorItem,
} from './support/errors/api-error.js';
export {
  publishEvent,
  type PublishEventInput,
  type PublishEventOutcome,
} from './engine/events/publish-event.js';
export { createAccount, type CreatedAccount } from './engine/accounts/create-account.js';
export { API_KEY_FILE, readKeyFile } from './engine/accounts/key-file.js';
