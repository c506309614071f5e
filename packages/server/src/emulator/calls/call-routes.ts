import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, NotFoundError } from '../../errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { CallEngine, type CallEngineOptions } from './call-engine.js';
import { callView } from './call-view.js';
import { silentMp3, silentWav } from './recording-audio.js';
import { registerCallEventRoutes } from './call-event-routes.js';
import { registerConferenceRoutes } from '../conferences/conference-routes.js';
import { registerQueueRoutes } from '../queues/queue-routes.js';
import { registerRecordingApiRoutes } from '../recordings/recording-routes.js';

type IdParams = { readonly id: string; readonly action: string };

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
  app.addHook('onClose', (_instance, done) => {
    engine.runtime.close();
    done();
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
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    try {
      done(null, text.trim() === '' ? {} : (JSON.parse(text) as unknown));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

function callRoutes(scope: FastifyInstance, engine: CallEngine, deps: EmulatorDeps): void {
  scope.post('/v2/calls', async (request) => ({
    data: callView(await engine.dial(deps.accountId(request), request.body), { dialing: true }),
  }));
  scope.get<{ Params: IdParams }>('/v2/calls/:id', async (request) => ({
    data: callView(await engine.get(deps.accountId(request), request.params.id)),
  }));
  const action = async (request: FastifyRequest<{ Params: IdParams }>): Promise<unknown> => {
    const extra = await engine.command(
      deps.accountId(request),
      request.params.id,
      request.params.action,
      request.body,
    );
    return { data: { result: 'ok', ...extra } };
  };
  scope.post<{ Params: IdParams }>('/v2/calls/:id/actions/:action', action);
  scope.put<{ Params: IdParams & { action: 'client_state_update' } }>(
    '/v2/calls/:id/actions/:action',
    action,
  );
}

function simulateRoutes(scope: FastifyInstance, engine: CallEngine, deps: EmulatorDeps): void {
  scope.post('/switchboard/simulate/calls', async (request) => ({
    data: callView(await engine.simulateInbound(deps.accountId(request), request.body)),
  }));
  scope.post<{ Params: IdParams }>(
    '/switchboard/simulate/calls/:id/actions/:action',
    async (request) => {
      await engine.farEnd(
        deps.accountId(request),
        request.params.id,
        request.params.action,
        request.body,
      );
      return { data: { result: 'ok' } };
    },
  );
}

const RECORDING_FILE = /^[0-9a-f-]{36}\.(mp3|wav)$/;

/**
 * The recording files behind `call.recording.saved` URLs. Registered outside the authenticated
 * scope: apps fetch recording URLs as they get them, without the API key.
 */
export function registerRecordingRoutes(scope: FastifyInstance): void {
  scope.get<{ Params: { file: string } }>(
    '/switchboard/recordings/:file',
    async (request, reply: FastifyReply) => {
      const format = RECORDING_FILE.exec(request.params.file)?.[1];
      if (format === undefined) throw new NotFoundError('No such recording.');
      return reply
        .type(format === 'mp3' ? 'audio/mpeg' : 'audio/wav')
        .send(format === 'mp3' ? silentMp3() : silentWav());
    },
  );
}
