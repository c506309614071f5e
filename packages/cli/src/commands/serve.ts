import { Command } from 'commander';
import type { RunningServer } from '@switchboard/server';
import { tlsClientLines } from '@switchboard/server/config';
import type { CliIo } from '../cli-io.js';
import { addEngineOptions, configFrom, reportStartFailure } from './config-options.js';
import { addOperationsOptions as ops, operationsFlags } from './operations-options.js';
import { stopWithin } from './stop-within.js';

/** `switchboard serve`: the API and the delivery worker in one process. */
export function serveCommand(io: CliIo): Command {
  const command = new Command('serve')
    .description('run the Switchboard server (API + delivery worker)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port to listen on; 0 picks a free one (default 7700)')
    .option('--request-timeout-ms <ms>', 'a request not sent in full in time gets 408 (30000)')
    .option('--tls', 'also serve HTTPS, for telnyx 1.x/2.x apps (env SWITCHBOARD_TLS)')
    .option('--tls-port <port>', 'port of the HTTPS listener (default 7443)')
    .option('--tls-cert <file>', 'PEM certificate; default: self-signed, in the data dir')
    .option('--tls-key <file>', 'PEM private key of --tls-cert');
  return addEngineOptions(ops(command)).action(async (options: Record<string, unknown>) => {
    // Commander gives a switch as `true`; the config reads every flag as text.
    const config = configFrom(
      { ...operationsFlags(options), tls: options['tls'] === true ? 'true' : undefined },
      io,
    );
    if (config === null) {
      process.exitCode = 2;
      return;
    }
    try {
      // Loaded here so that every other command starts without the server's weight.
      const { useServingV8Flags, startServer } = await import('@switchboard/server');
      // This process is ours: V8 flags for a long-lived server (docs/operations.md#memory).
      useServingV8Flags();
      const server = await startServer(config);
      printBanner(server, io);
      io.onStopSignal(() => void stopWithin(() => server.close(), config.shutdownGraceMs, io));
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
  if (server.metricsUrl !== null) io.out(`Metrics (no auth): ${server.metricsUrl}`);
  if (server.tls === null) return;
  io.out(`HTTPS listening on ${server.tls.url} (certificate: ${server.tls.certFile})`);
  for (const line of tlsClientLines(server.tls)) io.out(line);
}
