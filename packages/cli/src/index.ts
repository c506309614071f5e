export { buildCli } from './cli.js';
export { runCli } from './run-cli.js';
export { processIo, type CliIo } from './cli-io.js';
export { CliError, UsageError, EXIT_FAILED, EXIT_USAGE } from './client/cli-error.js';
export {
  ServerUnreachableError,
  MissingApiKeyError,
  ApiKeyRefusedError,
  ApiResponseError,
  type ApiErrorItem,
} from './client/client-errors.js';
export { SwitchboardClient, type ClientSettings, type Query } from './client/switchboard-client.js';
export {
  clientFrom,
  addConnectionOptions,
  DEFAULT_SERVER_URL,
  type ConnectionOptions,
} from './client/connection-options.js';
export {
  createOutput,
  addFormatOption,
  formatOf,
  SCHEMA_VERSION,
  type Output,
  type OutputFormat,
  type Row,
} from './output/output.js';
export { formatTable, type Column } from './output/format-table.js';
export { mergeEnvFile, parseEnvFile } from './env/merge-env-file.js';
