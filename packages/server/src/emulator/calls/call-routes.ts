import { AudioTicket, ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type, { type TObject } from 'typebox';
import { typed } from '../../http/typed-app.js';
import { useJsonBodyParser } from '../../http/api/request-body/json-body-parser.js';
import { BadRequestError, NotFoundError } from '../../support/errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { CallEngine, type CallEngineOptions } from './call-engine.js';
import { callView } from './call-view.js';
import type { MediaPlane } from '../media/media-plane.js';
import type { RecordingFiles } from '../media/recording-files.js';
import { CallStateError } from './call-errors.js';
import { checkMediaReference } from '../media/media-reference.js';
import { silentMp3, silentWav } from './recording-audio.js';
import { registerCallEventRoutes } from './call-event-routes.js';
import { registerConferenceRoutes } from '../conferences/conference-routes.js';
import { registerQueueRoutes } from '../queues/queue-routes.js';
import { registerRecordingApiRoutes } from '../recordings/recording-routes.js';
import type { FarEndAction } from './call-input.js';
import { COMMANDS } from './command-bodies.js';
import { callIdOf, CallParams, CallResponse, CommandResponse, OkResponse } from './call-schemas.js';
import { DialBody } from './dial-request.js';
import { FAR_END_BODIES, SimulatedCallBody } from './simulate-bodies.js';

/**
 * Registers the Call Control emulator: `/v2/calls*`, the far-end simulator under
 * `/switchboard/simulate/calls*` (recording files: {@link registerRecordingRoutes}). Routes live in their own
 * encapsulated scope, so the lenient JSON parser (empty bodies are `{}`) changes nothing
 * elsewhere. Stored calls are restored, timers re-armed, when the app is ready.
 */
export function registerCallRoutes(
  app: FastifyInstance,
  deps: EmulatorDeps,
  options: CallEngineOptions = {},
): CallEngine {
  const engine = new CallEngine(deps, options);
  // Fastify queues plugin registration and awaits it in ready(); errors surface there.
  void app.register((scope: FastifyInstance, _opts: unknown, done: (error?: Error) => void) => {
    allowEmptyJson(scope);
    callRoutes(scope, engine, deps);
    simulateRoutes(scope, engine, deps);
    if (options.media !== undefined) audioTicketRoute(scope, engine, deps, options.media);
    registerConferenceRoutes(scope, engine.conferences, deps);
    registerQueueRoutes(scope, engine.queues, deps);
    registerRecordingApiRoutes(scope, engine.recordings, deps);
    registerCallEventRoutes(scope, deps);
    done();
  });
  app.addHook('onReady', async () => {
    await engine.runtime.restoreCalls();
    await engine.conferences.core.restore();
  });
  app.addHook('onClose', async () => {
    engine.runtime.close();
    await options.media?.close();
  });
  return engine;
}

/**
 * SDKs post actions with no body, with or without `content-type: application/json`. telnyx 1.x
 * sends no content type and, through Node's agent, an empty chunked body: that is `{}` too.
 * Any other content type with a body stays a 415.
 */
function allowEmptyJson(scope: FastifyInstance): void {
  scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') done(null, {});
    else done(new BadRequestError('The request body must be sent as application/json.', 415));
  });
  useJsonBodyParser(scope, 'empty-object');
}

function callRoutes(scope: FastifyInstance, engine: CallEngine, deps: EmulatorDeps): void {
  const app = typed(scope);
  app.post(
    '/v2/calls',
    {
      schema: {
        summary: 'Dial: place an outgoing call',
        tags: ['calls'],
        body: DialBody,
        response: { 200: CallResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: callView(await engine.dial(deps.accountId(request), request.body), { dialing: true }),
    }),
  );
  app.get(
    '/v2/calls/:call_control_id',
    {
      schema: {
        summary: 'Retrieve a call',
        tags: ['calls'],
        params: CallParams,
        response: { 200: CallResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: callView(
        await engine.get(deps.accountId(request), callIdOf(request.params.call_control_id)),
      ),
    }),
  );
  for (const [action, declaration] of Object.entries(COMMANDS))
    for (const method of ['POST', 'PUT'] as const)
      app.route({
        method,
        url: `/v2/calls/:call_control_id/actions/${action}`,
        schema: {
          summary: declaration.summary,
          tags: ['call commands'],
          ...(method === 'PUT' ? { hide: true } : {}),
          params: CallParams,
          body: declaration.body,
          response: { 200: CommandResponse, '4xx': ErrorEnvelope },
        },
        handler: async (request) => {
          const accountId = deps.accountId(request);
          await checkMediaReference(deps, accountId, action, request.body);
          const extra = await engine.commandChecked(
            accountId,
            callIdOf(request.params.call_control_id),
            action,
            request.body,
          );
          return { data: { result: 'ok' as const, ...extra } };
        },
      });
}

function simulateRoutes(scope: FastifyInstance, engine: CallEngine, deps: EmulatorDeps): void {
  const app = typed(scope);
  app.post(
    '/switchboard/simulate/calls',
    {
      schema: {
        summary: 'Simulate an incoming call',
        tags: ['simulator'],
        body: SimulatedCallBody,
        response: { 200: CallResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: callView(await engine.simulateInbound(deps.accountId(request), request.body)),
    }),
  );
  const run = async (
    request: { readonly params: { readonly call_control_id: string } } & FastifyRequest,
    action: FarEndAction,
  ) => {
    await engine.farEnd(deps.accountId(request), callIdOf(request.params.call_control_id), action);
    return { data: { result: 'ok' as const } };
  };
  for (const name of ['answer', 'hangup', 'hold', 'unhold'] as const)
    app.post(
      `/switchboard/simulate/calls/:call_control_id/actions/${name}`,
      {
        schema: farEndSchema(`The far end ${FAR_END_VERBS[name]}`, FAR_END_BODIES[name]),
      },
      (request) => run(request, { name }),
    );
  app.post(
    '/switchboard/simulate/calls/:call_control_id/actions/dtmf',
    {
      schema: farEndSchema('The far end presses keys', FAR_END_BODIES.dtmf),
    },
    (request) => run(request, { name: 'dtmf', digits: request.body.digits }),
  );
  app.post(
    '/switchboard/simulate/calls/:call_control_id/actions/speech',
    { schema: farEndSchema('The far end speaks', FAR_END_BODIES.speech) },
    (request) => run(request, { name: 'speech', text: request.body.text }),
  );
}

const FAR_END_VERBS = {
  answer: 'answers',
  hangup: 'hangs up',
  hold: 'puts the call on hold',
  unhold: 'takes the call off hold',
} as const;

/** A far-end action's declaration: the call in the path, a body, `{ data: { result: 'ok' } }`. */
function farEndSchema<B extends TObject>(summary: string, body: B) {
  return {
    summary,
    tags: ['simulator'],
    params: CallParams,
    body,
    response: { 200: OkResponse, '4xx': ErrorEnvelope },
  };
}

/** `POST /switchboard/calls/{id}/audio_ticket`: lets the dashboard's softphone join a live call. */
function audioTicketRoute(
  scope: FastifyInstance,
  engine: CallEngine,
  deps: EmulatorDeps,
  media: MediaPlane,
): void {
  typed(scope).post(
    '/switchboard/calls/:call_control_id/audio_ticket',
    {
      schema: {
        summary: "A one-time ticket for the softphone's audio socket",
        tags: ['calls'],
        params: CallParams,
        response: { 200: AudioTicket, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const call = await engine.get(accountId, callIdOf(request.params.call_control_id));
      if (call.phase === 'ended') throw new CallStateError('call_ended');
      const { ticket, expiresAt } = media.tickets.issue({ accountId, callId: call.id });
      return {
        data: {
          ticket,
          url: `/switchboard/call_audio/${ticket}`,
          expires_at: new Date(expiresAt).toISOString(),
        },
      };
    },
  );
}

const RECORDING_FILE = /^[0-9a-f-]{36}\.(mp3|wav)$/;

/**
 * The recording files behind `call.recording.saved` URLs. Registered outside the authenticated
 * scope: apps fetch recording URLs as they get them, without the API key.
 */
export function recordingRoutes(recordings: RecordingFiles | null = null) {
  return (scope: FastifyInstance): void => {
    const schema = {
      summary: 'A recording file (MP3 or WAV), fetched without a key',
      tags: ['recordings'],
      params: Type.Object({ file: Type.String({ description: '<recording id>.mp3 or .wav' }) }),
      response: {
        200: Type.Unsafe<Buffer>({ description: 'audio/mpeg or audio/wav bytes' }),
        '4xx': ErrorEnvelope,
      },
    };
    typed(scope).get('/switchboard/recordings/:file', { schema }, async (request, reply) => {
      const file = request.params.file;
      const format = RECORDING_FILE.exec(file)?.[1];
      if (format === undefined) throw new NotFoundError('No such recording.');
      const recorded = (await recordings?.get(file)) ?? null;
      const audio = recorded ?? (format === 'mp3' ? silentMp3() : silentWav());
      return reply.type(format === 'mp3' ? 'audio/mpeg' : 'audio/wav').send(audio);
    });
  };
}

/** The recording files route without call audio: every file is silence. */
export const registerRecordingRoutes = recordingRoutes();
