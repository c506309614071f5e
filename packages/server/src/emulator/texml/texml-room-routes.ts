import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { ConferenceState, Participant } from '../conferences/conference-state.js';
import { activeParticipants } from '../conferences/conference-state.js';
import {
  decodeTexmlRecording,
  rfc2822,
  TEXML_RECORDING_KIND,
  type TexmlRecording,
} from './texml-call-record.js';
import { ownAccount } from './texml-call-routes.js';
import type { TexmlCalls } from './texml-calls.js';
import {
  AccountItemParams,
  AccountParams,
  FORM_OR_JSON,
  TexmlConference,
  TexmlConferenceList,
  TexmlParticipantList,
  TexmlQueue,
  TexmlQueueList,
  TexmlRecordingList,
  UpdateTexmlConference,
  type TexmlParticipant,
} from './texml-route-contract.js';

const TAGS = ['texml'];

/**
 * The TeXML REST API's Conferences (and Participants), Queues and Recordings, as far as the
 * emulator backs them: conferences made by `<Dial><Conference>`, queues of waiting calls,
 * recordings made by `<Record>`, `<Dial record>` and `<Start><Recording>`.
 */
export function registerTexmlRoomRoutes(
  app: FastifyInstance,
  deps: EmulatorDeps,
  calls: TexmlCalls,
): void {
  const api = typed(app);
  const base = '/v2/texml/Accounts/:account_sid';
  const errors = { '4xx': ErrorEnvelope };
  const account = { tags: TAGS, params: AccountParams };
  const item = { tags: TAGS, params: AccountItemParams };
  api.get(
    `${base}/Conferences`,
    {
      schema: {
        ...account,
        summary: 'List TeXML conferences',
        response: { 200: TexmlConferenceList, ...errors },
      },
    },
    async (request) => ({
      conferences: (await calls.conferences.list(ownAccount(deps, request))).map(conferenceView),
    }),
  );
  api.get(
    `${base}/Conferences/:sid`,
    {
      schema: {
        ...item,
        summary: 'Retrieve a TeXML conference',
        response: { 200: TexmlConference, ...errors },
      },
    },
    async (request) => conferenceView(await conference(deps, calls, request)),
  );
  api.post(
    `${base}/Conferences/:sid`,
    {
      schema: {
        ...item,
        summary: 'Update a TeXML conference: Status=completed ends it',
        consumes: FORM_OR_JSON,
        body: UpdateTexmlConference,
        response: { 200: TexmlConference, ...errors },
      },
    },
    async (request) => {
      const room = await conference(deps, calls, request);
      if (request.body.Status !== 'completed' || room.status === 'completed')
        return conferenceView(room);
      return conferenceView(await calls.conferences.end(room.accountId, room.id));
    },
  );
  api.get(
    `${base}/Conferences/:sid/Participants`,
    {
      schema: {
        ...item,
        summary: "List a TeXML conference's participants",
        response: { 200: TexmlParticipantList, ...errors },
      },
    },
    async (request) => {
      const room = await conference(deps, calls, request);
      return { participants: activeParticipants(room).map((p) => participantView(room, p)) };
    },
  );
  api.get(
    `${base}/Queues`,
    {
      schema: {
        ...account,
        summary: 'List TeXML queues (those with waiting calls)',
        response: { 200: TexmlQueueList, ...errors },
      },
    },
    (request) => {
      const accountId = ownAccount(deps, request);
      return {
        queues: queueNames(calls, accountId).map((name) => queueView(calls, accountId, name)),
      };
    },
  );
  api.get(
    `${base}/Queues/:sid`,
    {
      schema: {
        ...item,
        summary: 'Retrieve a TeXML queue',
        response: { 200: TexmlQueue, ...errors },
      },
    },
    (request) => {
      const accountId = ownAccount(deps, request);
      const name = pathParam(request, 'sid');
      if (calls.waiting(accountId, name).length === 0) throw new NotFoundError('Queue not found.');
      return queueView(calls, accountId, name);
    },
  );
  api.get(
    `${base}/Recordings.json`,
    {
      schema: {
        ...account,
        summary: 'List recordings of TeXML calls',
        response: { 200: TexmlRecordingList, ...errors },
      },
    },
    async (request) => ({ recordings: await recordings(deps, ownAccount(deps, request), null) }),
  );
  api.get(
    `${base}/Calls/:sid/Recordings.json`,
    {
      schema: {
        ...item,
        summary: "List a TeXML call's recordings",
        response: { 200: TexmlRecordingList, ...errors },
      },
    },
    async (request) => ({
      recordings: await recordings(deps, ownAccount(deps, request), pathParam(request, 'sid')),
    }),
  );
}

async function conference(
  deps: EmulatorDeps,
  calls: TexmlCalls,
  request: FastifyRequest,
): Promise<ConferenceState> {
  const room = await calls.conferences.find(
    ownAccount(deps, request),
    pathParam(request, 'sid').replace(/\.json$/, ''),
  );
  if (room === null) throw new NotFoundError('Conference not found.');
  return room;
}

const STATUS = { init: 'init', in_progress: 'in-progress', completed: 'completed' } as const;

function conferenceView(room: ConferenceState): TexmlConference {
  return {
    account_sid: room.accountId,
    date_created: rfc2822(room.createdAt),
    date_updated: rfc2822(room.updatedAt),
    friendly_name: room.name,
    sid: room.id,
    status: STATUS[room.status],
    uri: `/v2/texml/Accounts/${room.accountId}/Conferences/${room.id}.json`,
  };
}

function participantView(room: ConferenceState, participant: Participant): TexmlParticipant {
  return {
    account_sid: room.accountId,
    call_sid: participant.callId,
    call_sid_legacy: participant.callId,
    coaching: false,
    conference_sid: room.id,
    date_created: rfc2822(participant.createdAt),
    end_conference_on_exit: participant.options.endOnExit,
    hold: participant.options.hold,
    muted: participant.options.muted,
    status: 'connected',
    uri: `/v2/texml/Accounts/${room.accountId}/Conferences/${room.id}/Participants/${participant.callId}.json`,
  };
}

/** Queues exist while calls wait in them, as Call Control queues do. */
function queueNames(calls: TexmlCalls, accountId: string): string[] {
  return [...new Set(calls.waitingAll(accountId).map((call) => call.queue?.name ?? ''))].filter(
    Boolean,
  );
}

function queueView(calls: TexmlCalls, accountId: string, name: string): TexmlQueue {
  return {
    account_sid: accountId,
    average_wait_time: 0,
    current_size: calls.waiting(accountId, name).length,
    friendly_name: name,
    max_size: 100,
    sid: name,
    uri: `/v2/texml/Accounts/${accountId}/Queues/${encodeURIComponent(name)}.json`,
  };
}

async function recordings(
  deps: EmulatorDeps,
  accountId: string,
  callSid: string | null,
): Promise<TexmlRecording[]> {
  const stored = await deps.store.listResources(accountId, TEXML_RECORDING_KIND);
  return stored
    .map((resource) => decodeTexmlRecording(resource.data))
    .filter((data) => callSid === null || data.call_sid === callSid);
}
