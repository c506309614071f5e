import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../src/cli-io.js';
import { STOP_MARGIN_MS, stopWithin } from '../src/commands/stop-within.js';

function recordingIo(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    env: {},
    onStopSignal: () => undefined,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('stopWithin', () => {
  it('ends the process with code 1 when the stop is still running at grace + margin', async () => {
    vi.useFakeTimers();
    const io = recordingIo();
    const exits: number[] = [];
    void stopWithin(
      () => new Promise(() => undefined),
      1_000,
      io,
      (code) => exits.push(code),
    );
    await vi.advanceTimersByTimeAsync(1_000 + STOP_MARGIN_MS - 1);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    expect(io.lines).toEqual([
      'Stopping…',
      `switchboard: did not stop within ${1_000 + STOP_MARGIN_MS} ms; exiting`,
    ]);
  });
});
