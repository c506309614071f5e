import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { pageMeta, slicePage } from '../../http/page-query.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { pageOf } from '../../http/page-query.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { registerConferenceActions } from './conference-actions.js';
import {
  ConferenceIdParams,
  ConferenceListQuery,
  ConferenceListResponse,
  ConferenceResponse,
  CreateConference,
  ParticipantListQuery,
  ParticipantListResponse,
  ParticipantParams,
  ParticipantResponse,
  ParticipantUpdate,
} from './conference-contract.js';
import type { ConferenceEngine } from './conference-engine.js';
import { createRequestOf, participantChangeOf } from './conference-requests.js';
import type { ConferenceState, Participant } from './conference-state.js';
import { conferenceView, participantListView, participantView } from './conference-views.js';
import { changeParticipants } from './seat-transitions.js';

const tags = ['conferences'];

/** `/v2/conferences*`: the 23 routes of the spec. */
export function registerConferenceRoutes(
  scope: FastifyInstance,
  engine: ConferenceEngine,
  deps: EmulatorDeps,
): void {
  const app = typed(scope);
  app.get(
    '/v2/conferences',
    {
      schema: {
        summary: 'List conferences',
        tags,
        querystring: ConferenceListQuery,
        response: { 200: ConferenceListResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const name = request.query['filter[name]'];
      const status = request.query['filter[status]'];
      const all = (await engine.core.list(deps.accountId(request)))
        .filter(
          (c) =>
            (name === undefined || c.name === name) &&
            (status === undefined || c.status === status),
        )
        // Newest expiry first, as the spec lists them.
        .sort((a, b) => b.expiresAt - a.expiresAt);
      return { data: slicePage(all, page).map(conferenceView), meta: pageMeta(page, all.length) };
    },
  );
  app.post(
    '/v2/conferences',
    {
      schema: {
        summary: 'Create a conference from a call',
        tags,
        body: CreateConference,
        response: { 200: ConferenceResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: conferenceView(
        await engine.create(deps.accountId(request), createRequestOf(request.body)),
      ),
    }),
  );
  app.get(
    '/v2/conferences/:id',
    {
      schema: {
        summary: 'Retrieve a conference',
        tags,
        params: ConferenceIdParams,
        response: { 200: ConferenceResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: conferenceView(await engine.core.get(deps.accountId(request), request.params.id)),
    }),
  );
  registerConferenceActions(app, engine, deps);
  registerParticipantRoutes(scope, engine, deps);
}

function registerParticipantRoutes(
  scope: FastifyInstance,
  engine: ConferenceEngine,
  deps: EmulatorDeps,
): void {
  const app = typed(scope);
  app.get(
    '/v2/conferences/:id/participants',
    {
      schema: {
        summary: 'List conference participants',
        tags,
        params: ConferenceIdParams,
        querystring: ParticipantListQuery,
        response: { 200: ParticipantListResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const state = await engine.core.get(deps.accountId(request), request.params.id);
      const page = pageOf(request.query);
      const rows = filterParticipants(state.participants, {
        muted: request.query['filter[muted]'],
        onHold: request.query['filter[on_hold]'],
        whispering: request.query['filter[whispering]'],
      });
      const data = slicePage(rows, page).map((p) => participantListView(state, p));
      return { data, meta: pageMeta(page, rows.length) };
    },
  );
  app.get(
    '/v2/conferences/:id/participants/:participant',
    {
      schema: {
        summary: 'Retrieve a conference participant',
        tags,
        params: ParticipantParams,
        response: { 200: ParticipantResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const state = await engine.core.get(deps.accountId(request), request.params.id);
      return {
        data: participantView(state, participantOf(state, request.params.participant)),
      };
    },
  );
  app.patch(
    '/v2/conferences/:id/participants/:participant',
    {
      schema: {
        summary: 'Update a conference participant',
        tags,
        params: ParticipantParams,
        body: ParticipantUpdate,
        response: { 200: ParticipantResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const change = participantChangeOf(request.body);
      const current = await engine.core.get(accountId, request.params.id);
      const { callId } = participantOf(current, request.params.participant);
      const state = await engine.core.change(accountId, request.params.id, (draft) => {
        changeParticipants(draft, [callId], change);
      });
      return { data: participantView(state, participantOf(state, callId)) };
    },
  );
}

/** A participant by its id or its call's call_control_id. */
function participantOf(state: ConferenceState, key: string): Participant {
  const found = [...state.participants].reverse().find((p) => p.id === key || p.callId === key);
  if (found === undefined) throw new NotFoundError(`Participant ${key} not found.`);
  return found;
}

interface ParticipantFilter {
  readonly muted: boolean | undefined;
  readonly onHold: boolean | undefined;
  readonly whispering: boolean | undefined;
}

/** `filter[muted]`, `filter[on_hold]`, `filter[whispering]`. */
function filterParticipants(all: readonly Participant[], filter: ParticipantFilter): Participant[] {
  const { muted, onHold, whispering } = filter;
  return all.filter(
    (p) =>
      (muted === undefined || p.options.muted === muted) &&
      (onHold === undefined || p.options.hold === onHold) &&
      (whispering === undefined || (p.options.supervisorRole === 'whisper') === whispering),
  );
}
