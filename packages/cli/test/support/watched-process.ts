import { spawn, type ChildProcess } from 'node:child_process';

/** A process left running (serve, listen, a receiver); its output is collected as it comes. */
export interface RunningCli {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the match once stdout matches `pattern`; rejects if the process exits. */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<RunningCli>();

/** Starts `command …args` with exactly `env`, and watches its output. */
export function spawnWatched(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env: Record<string, string> },
): RunningCli {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((done) => child.on('close', done));
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const cli: RunningCli = {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForOutput: (pattern) =>
      waitForOutput(
        child,
        () => out,
        () => err,
        pattern,
      ),
    stop: (signal = 'SIGTERM') => {
      running.delete(cli);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  running.add(cli);
  return cli;
}

/** Kills every process a test left running (for afterAll). */
export async function stopAllSpawned(): Promise<void> {
  await Promise.all([...running].map((cli) => cli.stop('SIGKILL')));
}

function waitForOutput(
  child: ChildProcess,
  out: () => string,
  err: () => string,
  pattern: RegExp,
): Promise<RegExpExecArray> {
  return new Promise((done, fail) => {
    const check = (): void => {
      const match = pattern.exec(out());
      if (match === null) return;
      child.stdout?.off('data', check);
      done(match);
    };
    child.stdout?.on('data', check);
    child.once('close', (code) => {
      fail(new Error(`exited with ${code}: ${out()} ${err()}`));
    });
    check();
  });
}
