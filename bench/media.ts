// Media streams under load: BENCH_CALLS (100) concurrent calls, each streaming both tracks to a
// WebSocket app in this process while the call speaks. `switchboard serve` runs in its own
// process (compiled code); webhooks go to a loopback receiver here. Reports the server's CPU per
// call, RSS, the gaps between media frames (per stream and track) and the API's p99 latency,
// idle and during the streams, measured in the same run.
// Run: npm run bench:media   (BENCH_CALLS, BENCH_SECONDS override the load and its length).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 100);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const PROMPT =
  'Thank you for calling. All of our agents are busy helping other customers. ' +
  'Your call is important to us, please stay on the line and the next available agent will be with you shortly.';

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly apiKey: string;
}

async function startServer(): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'media-server.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [line] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  const { url, apiKey } = JSON.parse(line.toString()) as { url: string; apiKey: string };
  return { child, url, apiKey };
}

function api(server: Server) {
  return async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** The app's end of every stream: frame arrival gaps per stream and track. */
function startStreamApp() {
  const gaps: number[] = [];
  let frames = 0;
  let measuring = false;
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => {
    const last = new Map<string, number>();
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      if (!text.startsWith('{"event":"media"')) return;
      const track = text.includes('"track":"inbound"') ? 'inbound' : 'outbound';
      const now = performance.now();
      const previous = last.get(track);
      last.set(track, now);
      if (!measuring) return;
      frames++;
      if (previous !== undefined) gaps.push(now - previous);
    });
  });
  return {
    server,
    start: () => {
      measuring = true;
    },
    stop: () => {
      measuring = false;
    },
    gaps,
    frames: () => frames,
    url: () => `ws://127.0.0.1:${(server.address() as AddressInfo).port}/stream`,
  };
}

/** The server process's CPU time (user + system), ms, and its resident memory, MB. */
function processStats(pid: number): { cpuMs: number; rssMb: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return { cpuMs: ticks * 10, rssMb: rssKb / 1024 };
}

/** Reads one call's state every 50 ms for `ms`; the latencies. */
async function probeApi(
  call: (method: string, path: string) => Promise<unknown>,
  id: string,
  ms: number,
) {
  const latencies: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const start = performance.now();
    await call('GET', `/v2/calls/${encodeURIComponent(id)}`);
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return latencies;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200).end());
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const streams = startStreamApp();
  await once(streams.server, 'listening');
  const server = await startServer();
  const pid = server.child.pid ?? 0;
  const call = api(server);
  try {
    const app = await call('POST', '/v2/call_control_applications', {
      application_name: 'bench',
      webhook_event_url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
    });
    const connectionId = (app['data'] as { id: string }).id;
    const ids: string[] = [];
    for (let i = 0; i < CALLS; i++) {
      const started = await call('POST', '/switchboard/simulate/calls', {
        connection_id: connectionId,
        from: '+14155550100',
        to: `+1312555${String(1000 + i).padStart(4, '0')}`,
      });
      const id = (started['data'] as { call_control_id: string }).call_control_id;
      await call('POST', `/v2/calls/${encodeURIComponent(id)}/actions/answer`);
      ids.push(id);
    }
    const probe = ids[0] ?? '';
    const idle = await probeApi(call, probe, 5000);
    const before = processStats(pid);
    // The first speak synthesises the prompt; every other call reuses it from the cache.
    await Promise.all(
      ids.map(async (id) => {
        const path = `/v2/calls/${encodeURIComponent(id)}/actions`;
        await call('POST', `${path}/streaming_start`, {
          stream_url: streams.url(),
          stream_track: 'both_tracks',
        });
        for (let i = 0; i < 4; i++)
          await call('POST', `${path}/speak`, { payload: PROMPT, voice: 'female' });
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const start = processStats(pid);
    const t0 = performance.now();
    streams.start();
    let peakRss = start.rssMb;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, processStats(pid).rssMb);
    }, 250);
    const busy = await probeApi(call, probe, SECONDS * 1000);
    streams.stop();
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const end = processStats(pid);
    const cpuShare = (end.cpuMs - start.cpuMs) / 1000 / seconds;
    const expected = CALLS * 2 * 50 * seconds;
    console.log(
      `bench:media, ${CALLS} calls, both tracks, speaking, ${seconds.toFixed(1)} s measured`,
    );
    console.log(
      `  server CPU: ${(100 * cpuShare).toFixed(0)}% of one core; ${((1000 * cpuShare) / CALLS).toFixed(2)} ms of CPU per call per second`,
    );
    console.log(
      `  RSS: ${before.rssMb.toFixed(0)} MB before streams, peak ${peakRss.toFixed(0)} MB during`,
    );
    console.log(
      `  frames: ${streams.frames()} received of ${Math.round(expected)} due (${((100 * streams.frames()) / expected).toFixed(1)}%)`,
    );
    console.log(
      `  frame gaps: p50 ${percentile(streams.gaps, 50).toFixed(1)} ms, p99 ${percentile(streams.gaps, 99).toFixed(1)} ms, max ${percentile(streams.gaps, 100).toFixed(1)} ms`,
    );
    console.log(
      `  API GET /v2/calls/{id}: p50/p99 idle ${percentile(idle, 50).toFixed(1)}/${percentile(idle, 99).toFixed(1)} ms, during streams ${percentile(busy, 50).toFixed(1)}/${percentile(busy, 99).toFixed(1)} ms`,
    );
    await Promise.all(
      ids.map((id) => call('POST', `/v2/calls/${encodeURIComponent(id)}/actions/hangup`)),
    );
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    for (const client of streams.server.clients) client.terminate();
    streams.server.close();
    receiver.close();
  }
}

await main();
