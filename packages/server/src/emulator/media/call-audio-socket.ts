import websocket from '@fastify/websocket';
import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from '@fastify/websocket';
import Type from 'typebox';
import { BadRequestError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { Pcm } from './call-pcm.js';
import type { MediaPlane } from './media-plane.js';

/** Frames queued to a slow browser beyond this are dropped rather than buffered. */
const MAX_BUFFERED_BYTES = 64 * 1024;
/** A softphone frame is 20 ms; a few seconds at once is the most a browser should send. */
const MAX_FRAME_BYTES = 16 * 1024;

/**
 * `GET /switchboard/call_audio/{ticket}` (WebSocket): the softphone's line into a call. The
 * server sends what the call plays to the far end, and the browser sends its microphone, as
 * binary frames of 16-bit little-endian PCM at 8 kHz (20 ms each from the server). Public, like
 * recording files: the one-time ticket from `POST /switchboard/calls/{id}/audio_ticket` is the
 * credential.
 */
export function callAudioSocketRoutes(plane: MediaPlane) {
  return (app: FastifyInstance): void => {
    void app.register(async (scope) => {
      await scope.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
      typed(scope).route({
        method: 'GET',
        url: '/switchboard/call_audio/:ticket',
        schema: {
          summary: "A call's audio for the softphone (WebSocket, 16-bit PCM at 8 kHz)",
          tags: ['call audio'],
          params: Type.Object({
            ticket: Type.String({ description: 'From POST /switchboard/calls/{id}/audio_ticket' }),
          }),
          response: {
            101: Type.Null({ description: 'Switching Protocols: the WebSocket carries the audio' }),
            '4xx': ErrorEnvelope,
          },
        },
        // A plain GET is a client that forgot the upgrade: say so, in the envelope.
        handler: () => {
          throw new BadRequestError('This URL is a WebSocket: connect with an Upgrade.', 426);
        },
        wsHandler: (socket, request) => {
          connect(plane, socket, request.params.ticket);
        },
      });
    });
  };
}

function connect(plane: MediaPlane, socket: WebSocket, ticket: string): void {
  const grant = plane.tickets.redeem(ticket);
  if (grant === null) {
    socket.close(4401, 'unknown or expired ticket');
    return;
  }
  const mouth = plane.attach(grant.callId, {
    hear: (frame) => {
      if (socket.bufferedAmount < MAX_BUFFERED_BYTES) socket.send(pcmBytes(frame));
    },
    ended: () => {
      socket.close(1000, 'call ended');
    },
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) mouth.say(pcmOf(data as Buffer));
  });
  socket.on('close', () => {
    mouth.detach();
  });
}

function pcmBytes(frame: Pcm): Buffer {
  const bytes = Buffer.alloc(frame.length * 2);
  frame.forEach((sample, i) => bytes.writeInt16LE(sample, i * 2));
  return bytes;
}

function pcmOf(data: Buffer): Pcm {
  const samples = new Int16Array(Math.floor(data.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2);
  return samples;
}
