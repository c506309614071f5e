import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderSource } from '@switchboard/core';
import { readNodeBody } from '../adapters/read-node-body.js';
import type { TexmlParams } from './texml-params.js';
import type { TexmlResponse } from './texml-response.js';
import { verifyTexmlRequest, type VerifyTexmlOptions } from './verify-texml-request.js';

/** Answers one verified request with a document (or a string of TeXML). */
export type TexmlHandler = (
  params: TexmlParams,
  request: { readonly method: string; readonly path: string },
) => TexmlResponse | string | Promise<TexmlResponse | string>;

export interface TexmlAppOptions extends VerifyTexmlOptions {
  readonly handler: TexmlHandler;
  /** Largest form body accepted, in bytes. Default 64 KiB. */
  readonly maxBodyBytes?: number;
}

export interface TexmlReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The framework-free core of a TeXML app: verify, parse, call the handler, answer XML.
 * A request that fails verification gets 401 and never reaches the handler.
 */
export async function handleTexmlRequest(
  options: TexmlAppOptions,
  request: { method: string; url: string; headers: HeaderSource; body: string | Uint8Array },
): Promise<TexmlReply> {
  let params: TexmlParams;
  try {
    params = await verifyTexmlRequest(request, options);
  } catch {
    return {
      status: 401,
      headers: { 'content-type': 'text/plain' },
      body: 'signature verification failed',
    };
  }
  const path = request.url.split('?')[0] ?? request.url;
  const document = await options.handler(params, { method: request.method, path });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: String(document) };
}

/** A node:http listener for a TeXML app. */
export function createTexmlNodeHandler(
  options: TexmlAppOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  return (req, res) => {
    void (async () => {
      const body = await readNodeBody(req, limit);
      const reply =
        typeof body === 'string'
          ? { status: body === 'too_large' ? 413 : 400, headers: {}, body: '' }
          : await handleTexmlRequest(options, {
              method: req.method ?? 'POST',
              url: req.url ?? '/',
              headers: req.headers,
              body,
            }).catch(() => ({ status: 500, headers: {}, body: '' }));
      res.writeHead(reply.status, reply.headers).end(reply.body);
    })();
  };
}

/** A `(Request) => Promise<Response>` TeXML app for fetch-style runtimes. */
export function createTexmlFetchHandler(
  options: TexmlAppOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const body = new Uint8Array(await request.arrayBuffer());
    const reply = await handleTexmlRequest(options, {
      method: request.method,
      url: `${url.pathname}${url.search}`,
      headers: request.headers,
      body,
    });
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  };
}
