/** Where the CLI writes and what it reads from its environment; tests pass their own. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Calls `handler` once on the first SIGINT or SIGTERM. */
  readonly onStopSignal: (handler: () => void) => void;
  /** Writes raw text to the terminal (progress bars); absent when stderr is not a TTY. */
  readonly tty?: (text: string) => void;
}

/** The real process: stdout, stderr, `process.env` and its signals. */
export function processIo(): CliIo {
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    onStopSignal: (handler) => {
      let called = false;
      const once = (): void => {
        if (called) return;
        called = true;
        handler();
      };
      process.once('SIGINT', once);
      process.once('SIGTERM', once);
    },
  };
  if (!process.stderr.isTTY) return io;
  return { ...io, tty: (text) => process.stderr.write(text) };
}
