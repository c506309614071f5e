import { Command } from 'commander';
import { startServer, type RunningServer } from '@switchboard/server';
import type { CliIo } from '../cli-io.js';
import { addEngineOptions, configFrom, reportStartFailure } from './config-options.js';

/** `switchboard serve`: the API and the delivery worker in one process. */
export function serveCommand(io: CliIo): Command {
  const command = new Command('serve')
    .description('run the Switchboard server (API + delivery worker)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port to listen on; 0 picks a free one (default 7700)');
  return addEngineOptions(command).action(async (options: Record<string, unknown>) => {
    const config = configFrom(options, io);
    if (config === null) {
      process.exitCode = 2;
      return;
    }
    try {
      const server = await startServer(config);
      printBanner(server, io);
      io.onStopSignal(() => void stop(server, io));
    } catch (error) {
      reportStartFailure(error, io);
    }
  });
}

function printBanner(server: RunningServer, io: CliIo): void {
  io.out(`Switchboard listening on ${server.url} (${server.dialect})`);
  io.out(`API base URL: ${server.url}/v2`);
  io.out(
    `API key: ${server.apiKey ?? `(unknown: not in ${server.apiKeyFile}; set SWITCHBOARD_API_KEY)`}`,
  );
  if (server.apiKey !== null) io.out(`API key file: ${server.apiKeyFile}`);
  io.out(`Public key: ${server.publicKey}`);
}

async function stop(server: RunningServer, io: CliIo): Promise<void> {
  io.out('Stopping…');
  try {
    await server.close();
  } catch (error) {
    reportStartFailure(error, io);
  }
}
