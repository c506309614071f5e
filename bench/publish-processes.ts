/**
 * The publish bench's process tree: each part runs in a process of its own, forked with an IPC
 * channel (`publish-*.ts`, compiled) or spawned (`switchboard serve`, the built CLI), its output
 * in a log file. CPU time and peak RSS are read from /proc, the same way for every process.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The built CLI; BENCH_SWITCHBOARD_CLI runs another build's (an A/B against a copy of main). */
const CLI =
  process.env['BENCH_SWITCHBOARD_CLI'] ??
  resolve(import.meta.dirname, '../../packages/cli/bin/switchboard.js');
const CLOCK_TICKS_PER_SECOND = 100;

/** A forked bench process and its IPC messages. */
export interface BenchChild {
  readonly pid: number;
  send(message: unknown): void;
  /** Calls `listener` with every message from now on. */
  onMessage(listener: (message: unknown) => void): void;
  /** The next message `accept` takes (returns non-undefined for), or a rejection on exit. */
  next<T>(accept: (message: unknown) => T | undefined, timeoutMs: number): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Forks `publish-<script>.js` with `config` as BENCH_CONFIG and waits for its first message,
 * `{ ready: true, … }`, which it returns beside the process.
 */
export async function forkBench(
  script: string,
  config: unknown,
  logFile: string,
): Promise<{ child: BenchChild; hello: Record<string, unknown> }> {
  const log = openSync(logFile, 'a');
  const child = fork(join(import.meta.dirname, `publish-${script}.js`), [], {
    env: { ...process.env, BENCH_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', log, log, 'ipc'],
    execArgv: [],
  });
  closeSync(log);
  const wrapped = benchChild(child, script);
  const hello = await wrapped.next((message) => (isReady(message) ? message : undefined), 60_000);
  return { child: wrapped, hello };
}

function isReady(message: unknown): message is Record<string, unknown> {
  return typeof message === 'object' && message !== null && 'ready' in message;
}

function benchChild(child: ChildProcess, name: string): BenchChild {
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name} did not start`);
  return {
    pid,
    send: (message) => {
      child.send(message as object);
    },
    onMessage: (listener) => {
      child.on('message', listener);
    },
    next: <T>(accept: (message: unknown) => T | undefined, timeoutMs: number) =>
      new Promise<T>((done, fail) => {
        const timer = setTimeout(() => {
          cleanup();
          fail(new Error(`${name}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (message: unknown): void => {
          const value = accept(message);
          if (value === undefined) return;
          cleanup();
          done(value);
        };
        const onExit = (code: number | null): void => {
          cleanup();
          fail(new Error(`${name} exited (code ${String(code)}) before answering`));
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          child.off('message', onMessage);
          child.off('exit', onExit);
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
      }),
    stop: () => stopProcess(child),
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (child.connected) child.disconnect();
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** A running `switchboard serve`. */
export interface RunningServe {
  readonly pid: number;
  readonly url: string;
  readonly apiKey: string;
  stop(): Promise<void>;
}

/** Starts the built `switchboard serve` on a free port, as an operator would, logs to `logFile`. */
export async function startServe(
  dataDir: string,
  databaseUrl: string | null,
  logFile: string,
): Promise<RunningServe> {
  const log = openSync(logFile, 'w');
  const args = ['serve', '--port', '0', '--data-dir', dataDir];
  if (databaseUrl !== null) args.push('--database-url', databaseUrl);
  // BENCH_SERVE_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`: how the rows' profiles are taken.
  const nodeArgs = (process.env['BENCH_SERVE_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], {
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const banner = await waitForBanner(logFile, child);
  const pid = child.pid ?? 0;
  return { pid, ...banner, stop: () => stopProcess(child) };
}

async function waitForBanner(
  logFile: string,
  child: ChildProcess,
): Promise<{ url: string; apiKey: string }> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    const text = readFileSync(logFile, 'utf8');
    const url = /Switchboard listening on (\S+)/.exec(text)?.[1];
    const apiKey = /API key: (KEYsb_\S+)/.exec(text)?.[1];
    if (url !== undefined && apiKey !== undefined) return { url, apiKey };
    if (child.exitCode !== null) throw new Error(`switchboard serve exited: ${text.slice(-500)}`);
    await sleep(50);
  }
  throw new Error(`switchboard serve printed no banner within 60 s (see ${logFile})`);
}

/** CPU seconds (user + system, every thread) and peak RSS (VmHWM) of a live process. */
export interface ProcessStats {
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

export function processStats(pid: number): ProcessStats {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwmKb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? '0');
  return { cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, peakRssMb: Math.round(hwmKb / 1024) };
}

/** CPU seconds of each process named `name` (`redis-server`, `postgres`: a peer's or Switchboard's store). */
export function cpuByName(name: string): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
      seconds.set(Number(entry), processStats(Number(entry)).cpuSeconds);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return seconds;
}

/** CPU used between two {@link cpuByName} readings; processes that ended meanwhile are not counted. */
export function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The 1-minute load average: the machine is shared, so every row records it. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}
