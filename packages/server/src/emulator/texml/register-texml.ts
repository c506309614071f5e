import type { FastifyInstance } from 'fastify';
import type { PublishWorker } from '../../engine/events/publish-handoff.js';
import type { RoundReplies } from '../../engine/delivery/round-replies.js';
import type { CallEngine } from '../calls/call-engine.js';
import type { EmitInput, EmulatorDeps } from '../emulator-deps.js';
import { EmulatedCalls } from './emulated-calls.js';
import { registerTexmlApplicationRoutes } from './texml-application-routes.js';
import { registerTexmlCallRoutes } from './texml-call-routes.js';
import { TexmlCalls } from './texml-calls.js';
import { texmlInboundHandler } from './texml-inbound.js';
import { texmlSettings, type TexmlOptions } from './texml-options.js';
import { TexmlRequester } from './texml-requests.js';
import { registerTexmlLogRoutes } from './texml-log-routes.js';
import { registerTexmlRoomRoutes } from './texml-room-routes.js';

export interface TexmlWiring {
  readonly deps: EmulatorDeps;
  readonly engine: CallEngine;
  /** Storing deliveries and waking the worker, as publishing events does. */
  readonly newId: () => string;
  readonly worker: PublishWorker;
  readonly replies: RoundReplies;
  readonly options?: TexmlOptions;
  readonly onError: (error: unknown) => void;
}

/**
 * The TeXML emulator: applications, calls run by the interpreter on the Call Control
 * emulator's calls, and the TeXML REST API. Its routes live in their own scope, which also
 * reads `application/x-www-form-urlencoded` bodies (the REST API's CamelCase forms).
 */
export function registerTexml(app: FastifyInstance, wiring: TexmlWiring): TexmlCalls {
  const { deps, engine } = wiring;
  const requester = new TexmlRequester({
    store: deps.store,
    now: () => deps.now(),
    newId: wiring.newId,
    worker: wiring.worker,
    replies: wiring.replies,
  });
  const calls = new TexmlCalls({
    store: deps.store,
    calls: new EmulatedCalls(engine, () => deps.random()),
    requester,
    settings: texmlSettings(wiring.options),
    now: () => deps.now(),
    newId: wiring.newId,
    onError: wiring.onError,
  });
  engine.inboundHandler = texmlInboundHandler(deps, calls);
  // Runs after the call engine's own onReady, which restores the Call Control calls.
  app.addHook('onReady', async () => {
    await calls.endOrphans();
  });
  void app.register((scope: FastifyInstance, _opts: unknown, done: (error?: Error) => void) => {
    acceptForms(scope);
    registerTexmlApplicationRoutes(scope, deps);
    registerTexmlCallRoutes(scope, deps, calls);
    registerTexmlRoomRoutes(scope, deps, calls);
    registerTexmlLogRoutes(scope, deps, calls);
    done();
  });
  return calls;
}

/**
 * Call Control deps whose events of TeXML calls go to the interpreter instead of a webhook.
 * `texml` is read per event because the TeXML side is built after the call engine it drives.
 */
export function routingTexmlEvents(
  deps: EmulatorDeps,
  texml: () => TexmlCalls | null,
): EmulatorDeps {
  return {
    store: deps.store,
    emit: (input: EmitInput) => {
      const calls = texml();
      if (calls?.owns(input) !== true) return deps.emit(input);
      calls.observe(input);
      return Promise.resolve();
    },
    accountId: (request) => deps.accountId(request),
    now: () => deps.now(),
    random: () => deps.random(),
    get baseUrl() {
      return deps.baseUrl;
    },
  };
}

/** Form bodies as objects; a repeated key (`StatusCallbackEvent`) joins its values with spaces. */
function acceptForms(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [name, value] of new URLSearchParams(String(body)))
        fields[name] = name in fields ? `${fields[name]} ${value}` : value;
      done(null, fields);
    },
  );
}
