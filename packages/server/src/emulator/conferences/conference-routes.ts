import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams, type QueryParams } from '../../api/query-params.js';
import { valueOrThrow } from '../../api/validation/checked.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { runConferenceAction } from './conference-actions.js';
import type { ConferenceEngine } from './conference-engine.js';
import { readParticipantUpdate } from './conference-requests.js';
import type { ConferenceState, Participant } from './conference-state.js';
import { conferenceView, participantView } from './conference-views.js';
import { changeParticipants } from './seat-transitions.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
type ActionRequest = FastifyRequest<{ Params: { id: string; action: string } }>;
type ParticipantRequest = FastifyRequest<{ Params: { id: string; participant: string } }>;

/** `/v2/conferences*`: the 23 routes of the spec. */
export function registerConferenceRoutes(
  scope: FastifyInstance,
  engine: ConferenceEngine,
  deps: EmulatorDeps,
): void {
  const account = (request: FastifyRequest): string => deps.accountId(request);
  scope.get('/v2/conferences', async (request) => {
    const params = queryParams(request.query);
    const page = valueOrThrow(parsePage(params));
    const all = filterConferences(await engine.core.list(account(request)), params);
    return { data: slicePage(all, page).map(conferenceView), meta: pageMeta(page, all.length) };
  });
  scope.post('/v2/conferences', async (request) => ({
    data: conferenceView(await engine.create(account(request), request.body)),
  }));
  scope.get('/v2/conferences/:id', async (request: IdRequest) => ({
    data: conferenceView(await engine.core.get(account(request), request.params.id)),
  }));
  scope.post('/v2/conferences/:id/actions/:action', async (request: ActionRequest) => {
    const { id, action } = request.params;
    await runConferenceAction(engine, account(request), id, action, request.body);
    return { data: { result: 'ok' } };
  });
  scope.get('/v2/conferences/:id/participants', async (request: IdRequest) => {
    const state = await engine.core.get(account(request), request.params.id);
    const params = queryParams(request.query);
    const page = valueOrThrow(parsePage(params));
    const rows = filterParticipants(state.participants, params);
    const data = slicePage(rows, page).map((p) => participantView(state, p, 'list'));
    return { data, meta: pageMeta(page, rows.length) };
  });
  scope.get(
    '/v2/conferences/:id/participants/:participant',
    async (request: ParticipantRequest) => {
      const state = await engine.core.get(account(request), request.params.id);
      return {
        data: participantView(state, participantOf(state, request.params.participant), 'single'),
      };
    },
  );
  scope.patch(
    '/v2/conferences/:id/participants/:participant',
    async (request: ParticipantRequest) => {
      const change = readParticipantUpdate(request.body);
      const current = await engine.core.get(account(request), request.params.id);
      const { callId } = participantOf(current, request.params.participant);
      const state = await engine.core.change(account(request), request.params.id, (draft) => {
        changeParticipants(draft, [callId], change);
      });
      return { data: participantView(state, participantOf(state, callId), 'single') };
    },
  );
}

/** A participant by its id or its call's call_control_id. */
function participantOf(state: ConferenceState, key: string): Participant {
  const found = [...state.participants].reverse().find((p) => p.id === key || p.callId === key);
  if (found === undefined) throw new NotFoundError(`Participant ${key} not found.`);
  return found;
}

/** Newest expiry first, as the spec lists them; `filter[name]` and `filter[status]`. */
function filterConferences(
  all: readonly ConferenceState[],
  params: QueryParams,
): ConferenceState[] {
  const name = params.get('filter[name]');
  const status = params.get('filter[status]');
  return all
    .filter(
      (c) =>
        (name === undefined || c.name === name) && (status === undefined || c.status === status),
    )
    .sort((a, b) => b.expiresAt - a.expiresAt);
}

/** `filter[muted]`, `filter[on_hold]`, `filter[whispering]` (true/false). */
function filterParticipants(all: readonly Participant[], params: QueryParams): Participant[] {
  const wanted = (name: string): boolean | null => {
    const value = params.get(`filter[${name}]`);
    return value === undefined ? null : value === 'true';
  };
  const muted = wanted('muted');
  const onHold = wanted('on_hold');
  const whispering = wanted('whispering');
  return all.filter(
    (p) =>
      (muted === null || p.options.muted === muted) &&
      (onHold === null || p.options.hold === onHold) &&
      (whispering === null || (p.options.supervisorRole === 'whisper') === whispering),
  );
}
