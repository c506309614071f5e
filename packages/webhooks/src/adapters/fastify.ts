import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { WebhookReceiver } from '../receiver/receiver-types.js';

export interface FastifyPluginOptions {
  /** The route the plugin answers, POST only. Default `/webhooks`. */
  readonly path?: string;
  /** Largest body accepted, in bytes. Default: the server's `bodyLimit`. */
  readonly bodyLimit?: number;
}

/**
 * A Fastify plugin that registers the webhook route with a raw-buffer body parser. Register it
 * without `fastify-plugin`: Fastify's encapsulation then keeps the parser inside the plugin, so
 * the app's other routes still get JSON parsing.
 *
 * @example
 * await app.register(createFastifyPlugin(receiver, { path: '/webhooks/telnyx' }));
 */
export function createFastifyPlugin(
  receiver: WebhookReceiver,
  options: FastifyPluginOptions = {},
): FastifyPluginCallback {
  return (instance, _opts, done) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser(
      '*',
      {
        parseAs: 'buffer',
        ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
      },
      (_request, body, parsed) => {
        parsed(null, body);
      },
    );
    instance.post(options.path ?? '/webhooks', (request, reply) =>
      respond(receiver, request, reply),
    );
    done();
  };
}

async function respond(
  receiver: WebhookReceiver,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const body = Buffer.isBuffer(request.body) ? request.body : new Uint8Array();
  const response = await receiver.handle({ body, headers: request.headers });
  return reply.code(response.status).headers(response.headers).send(response.body);
}
