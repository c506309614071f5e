/**
 * The bench's loopback receiver, run in its own process so that answering does not compete
 * with the engine for its event loop. Listens on `BENCH_ORIGINS` ports (one origin each),
 * answers every request 200 once its body is read, and prints the ports as JSON.
 */
import { listenOrigins } from './loopback-origins.js';

const ports = await listenOrigins(Number(process.env['BENCH_ORIGINS'] ?? '4'));
process.stdout.write(`${JSON.stringify(ports)}\n`);
