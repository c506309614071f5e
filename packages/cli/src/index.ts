export { buildCli } from './cli.js';
export { processIo, type CliIo } from './cli-io.js';
