import type { AddressInfo } from 'node:net';
import { mulaw } from 'alawmulaw';
import { WebSocketServer, type WebSocket } from 'ws';

/** A frame as an app receives it from the stream. */
export type Frame = Record<string, unknown> & { readonly event: string };

/**
 * The app's end of a media stream: a WebSocket server on a loopback port that records every
 * frame and the upgrade's headers, and can send frames back on the open socket.
 */
export class StreamPeer {
  readonly frames: Frame[] = [];
  readonly headers: Record<string, string | string[] | undefined>[] = [];
  #server!: WebSocketServer;
  #socket: WebSocket | null = null;

  async listen(): Promise<this> {
    this.#server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.#server.once('listening', resolve));
    this.#server.on('connection', (socket, request) => {
      this.#socket = socket;
      this.headers.push(request.headers);
      socket.on('message', (data) =>
        this.frames.push(JSON.parse((data as Buffer).toString('utf8')) as Frame),
      );
    });
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/stream`;
  }

  send(frame: Record<string, unknown>): void {
    if (this.#socket === null) throw new Error('no stream connected');
    this.#socket.send(JSON.stringify(frame));
  }

  ofEvent(event: string): Frame[] {
    return this.frames.filter((frame) => frame.event === event);
  }

  /** The decoded audio of every media frame on `track`, in chunk order. */
  audio(track: 'inbound' | 'outbound'): Int16Array {
    const payloads = this.ofEvent('media')
      .map((frame) => frame['media'] as { track: string; chunk: string; payload: string })
      .filter((media) => media.track === track)
      .sort((a, b) => Number(a.chunk) - Number(b.chunk))
      .map((media) => Buffer.from(media.payload, 'base64'));
    return mulaw.decode(Buffer.concat(payloads));
  }

  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }
}

/** Polls `check` until it holds; bounded, so a broken stream fails the test instead of hanging. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
