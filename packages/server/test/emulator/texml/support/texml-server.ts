import { startServer, type RunningServer } from '../../../../src/start-server.js';
import type { EmulatorOptions } from '../../../../src/emulator/emulator-routes.js';
import { testConfig } from '../../../server/support/test-config.js';

export interface ApiReply {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

/** Small delays so a TeXML call runs in well under a second of real time. */
export const FAST: Omit<EmulatorOptions, 'baseUrl'> = {
  calls: {
    timings: {
      answerDelayMs: 30,
      failDelayMs: 20,
      amdDelayMs: 50,
      greetingMs: 100,
      wordsPerMinute: 6000,
      playbackMs: 20,
    },
  },
  texml: { secondMs: 20, fetchTimeoutMs: 2_000 },
};

/** A running server on port 0 and a small client for its API. */
export class TexmlServer {
  private constructor(readonly server: RunningServer) {}

  static async start(texml: NonNullable<EmulatorOptions['texml']> = {}): Promise<TexmlServer> {
    const emulator = { ...FAST, texml: { ...FAST.texml, ...texml } };
    return new TexmlServer(await startServer(await testConfig(), { emulator }));
  }

  get url(): string {
    return this.server.url;
  }

  async api(method: string, path: string, body?: unknown, form = false): Promise<ApiReply> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.server.apiKey ?? ''}` };
    let payload: string | undefined;
    if (body !== undefined && form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(body as Record<string, string>).toString();
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.server.url}${path}`, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await response.text();
    return {
      status: response.status,
      json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    };
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/** Polls `probe` until it returns a value; fails after `timeoutMs` (a hang, not a timing check). */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
