import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathParam } from '../../api/path-param.js';
import { useJsonBodyParser } from '../../api/request-body/json-body-parser.js';
import { BadRequestError, NotFoundError } from '../../errors/api-error.js';
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
  scope.post('/v2/calls', async (request) => ({
    data: callView(await engine.dial(deps.accountId(request), request.body), { dialing: true }),
  }));
  scope.get('/v2/calls/:id', async (request) => ({
    data: callView(await engine.get(deps.accountId(request), pathParam(request, 'id'))),
  }));
  const action = async (request: FastifyRequest): Promise<unknown> => {
    await checkMediaReference(
      deps,
      deps.accountId(request),
      pathParam(request, 'action'),
      request.body,
    );
    const extra = await engine.command(
      deps.accountId(request),
      pathParam(request, 'id'),
      pathParam(request, 'action'),
      request.body,
    );
    return { data: { result: 'ok', ...extra } };
  };
  scope.post('/v2/calls/:id/actions/:action', action);
  scope.put('/v2/calls/:id/actions/:action', action);
}

function simulateRoutes(scope: FastifyInstance, engine: CallEngine, deps: EmulatorDeps): void {
  scope.post('/switchboard/simulate/calls', async (request) => ({
    data: callView(await engine.simulateInbound(deps.accountId(request), request.body)),
  }));
  scope.post('/switchboard/simulate/calls/:id/actions/:action', async (request) => {
    await engine.farEnd(
      deps.accountId(request),
      pathParam(request, 'id'),
      pathParam(request, 'action'),
      request.body,
    );
    return { data: { result: 'ok' } };
  });
}

/** `POST /switchboard/calls/{id}/audio_ticket`: lets the dashboard's softphone join a live call. */
function audioTicketRoute(
  scope: FastifyInstance,
  engine: CallEngine,
  deps: EmulatorDeps,
  media: MediaPlane,
): void {
  scope.post('/switchboard/calls/:id/audio_ticket', async (request) => {
    const accountId = deps.accountId(request);
    const call = await engine.get(accountId, pathParam(request, 'id'));
    if (call.phase === 'ended') throw new CallStateError('call_ended');
    const { ticket, expiresAt } = media.tickets.issue({ accountId, callId: call.id });
    return {
      data: {
        ticket,
        url: `/switchboard/call_audio/${ticket}`,
        expires_at: new Date(expiresAt).toISOString(),
      },
    };
  });
}

const RECORDING_FILE = /^[0-9a-f-]{36}\.(mp3|wav)$/;

/**
 * The recording files behind `call.recording.saved` URLs. Registered outside the authenticated
 * scope: apps fetch recording URLs as they get them, without the API key.
 */
export function recordingRoutes(recordings: RecordingFiles | null = null) {
  return (scope: FastifyInstance): void => {
    scope.get('/switchboard/recordings/:file', async (request, reply: FastifyReply) => {
      const file = pathParam(request, 'file');
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
