export {
  startServer,
  type RunningServer,
  type RunningTls,
  type StartServerOptions,
} from './start-server.js';
export { tlsClientLines, type TlsClientInfo } from './tls/tls-client-lines.js';
export { startWorker, type RunningWorker, type StartOptions } from './start-worker.js';
export { limitHeapGrowth } from './memory/heap-growth.js';
export {
  loadServerConfig,
  allSettingNames,
  settingNames,
  type ConfigFlags,
  type ConfigResult,
  type ServerConfig,
} from './config/server-config.js';
export type { LogLevel } from './config/setting-parsers.js';
export { createApp, type RouteRegistrar } from './api/create-app.js';
export type { AppDeps } from './api/app-deps.js';
export type { RouteContext } from './api/routes/route-context.js';
export { StartupError, type StartupErrorCode } from './errors/startup-error.js';
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
} from './errors/api-error.js';
export {
  publishEvent,
  type PublishEventInput,
  type PublishEventOutcome,
} from './events/publish-event.js';
export { createAccount, type CreatedAccount } from './accounts/create-account.js';
export { API_KEY_FILE, readKeyFile } from './accounts/key-file.js';
