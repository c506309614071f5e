import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** What came back on a raw connection before the server closed it. */
export interface RawReply {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
}

export interface RawTarget {
  readonly port: number;
  /** Speak TLS, trusting `ca`. */
  readonly ca?: string;
}

/**
 * Writes `chunks` on a fresh connection as given, byte for byte (so requests Node's own client
 * would refuse to send can be tried), and reads until the server closes the connection or sends
 * one whole reply.
 */
export function rawExchange(
  target: RawTarget,
  chunks: readonly (string | Buffer)[],
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket: Socket =
      target.ca === undefined
        ? connectTcp(target.port, '127.0.0.1')
        : connectTls({
            port: target.port,
            host: '127.0.0.1',
            ca: target.ca,
            servername: 'localhost',
          });
    const received: Buffer[] = [];
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      const reply = parseReply(Buffer.concat(received).toString('utf8'));
      if (reply === null) return;
      settled = true;
      socket.destroy();
      resolve(reply);
    };
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      finish();
    });
    socket.on('close', () => {
      finish();
      if (!settled) reject(new Error(`connection closed without a reply: ${received.join('')}`));
    });
    socket.on('error', () => undefined);
    for (const chunk of chunks) socket.write(chunk);
  });
}

/** A complete reply with a Content-Length body, or null while more is to come. */
function parseReply(text: string): RawReply | null {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = text.slice(0, end);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
  const body = text.slice(end + 4);
  if (length === undefined || Buffer.byteLength(body) < Number(length)) return null;
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  return { status, headers: head, body };
}
