import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors/api-error.js';
import { invalidIssue } from '../../api/validation/issues.js';
import { ValidationError } from '../../errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { Conference } from './conference-rooms.js';
import { ACCOUNT_ITEM_PARAMS_SCHEMA, ACCOUNT_PARAMS_SCHEMA } from './route-schemas.js';
import { rfc2822, TEXML_RECORDING_KIND } from './texml-call-record.js';
import { ownAccount } from './texml-call-routes.js';
import type { TexmlCalls } from './texml-calls.js';

type AccountRequest = FastifyRequest<{ Params: { account_sid: string } }>;
type ItemRequest = FastifyRequest<{ Params: { account_sid: string; sid: string } }>;

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
  const base = '/v2/texml/Accounts/:account_sid';
  const account = { schema: { params: ACCOUNT_PARAMS_SCHEMA } };
  const item = { schema: { params: ACCOUNT_ITEM_PARAMS_SCHEMA } };
  app.get(`${base}/Conferences`, account, (request: AccountRequest) => ({
    conferences: calls.conferences.list(ownAccount(deps, request)).map(conferenceView),
  }));
  app.get(`${base}/Conferences/:sid`, item, (request: ItemRequest) =>
    conferenceView(conference(deps, calls, request)),
  );
  app.post(`${base}/Conferences/:sid`, item, (request: ItemRequest) => {
    const room = conference(deps, calls, request);
    const status = (request.body as Record<string, unknown> | undefined)?.['Status'];
    if (status !== undefined && status !== 'completed')
      throw new ValidationError([invalidIssue({ pointer: '/Status' }, 'completed')]);
    if (status === 'completed') room.end();
    return conferenceView(room);
  });
  app.get(`${base}/Conferences/:sid/Participants`, item, (request: ItemRequest) => {
    const room = conference(deps, calls, request);
    return { participants: [...room.participants.values()].map((p) => participantView(room, p)) };
  });
  app.get(`${base}/Queues`, account, (request: AccountRequest) => {
    const accountId = ownAccount(deps, request);
    return {
      queues: queueNames(calls, accountId).map((name) => queueView(calls, accountId, name)),
    };
  });
  app.get(`${base}/Queues/:sid`, item, (request: ItemRequest) => {
    const accountId = ownAccount(deps, request);
    const name = pathParam(request, 'sid');
    if (calls.waiting(accountId, name).length === 0) throw new NotFoundError('Queue not found.');
    return queueView(calls, accountId, name);
  });
  app.get(`${base}/Recordings.json`, account, async (request: AccountRequest) => ({
    recordings: await recordings(deps, ownAccount(deps, request), null),
  }));
  app.get(`${base}/Calls/:sid/Recordings.json`, item, async (request: ItemRequest) => ({
    recordings: await recordings(deps, ownAccount(deps, request), pathParam(request, 'sid')),
  }));
}

function conference(deps: EmulatorDeps, calls: TexmlCalls, request: ItemRequest): Conference {
  const room = calls.conferences.get(
    ownAccount(deps, request),
    pathParam(request, 'sid').replace(/\.json$/, ''),
  );
  if (room === null) throw new NotFoundError('Conference not found.');
  return room;
}

function conferenceView(room: Conference): Record<string, unknown> {
  return {
    account_sid: room.accountId,
    date_created: rfc2822(room.createdAt),
    date_updated: rfc2822(room.updatedAt),
    friendly_name: room.name,
    sid: room.sid,
    status: room.status,
    uri: `/v2/texml/Accounts/${room.accountId}/Conferences/${room.sid}.json`,
  };
}

function participantView(
  room: Conference,
  participant: Conference['participants'] extends Map<string, infer P> ? P : never,
): Record<string, unknown> {
  return {
    account_sid: room.accountId,
    call_sid: participant.callSid,
    call_sid_legacy: participant.callSid,
    coaching: false,
    conference_sid: room.sid,
    date_created: rfc2822(participant.joinedAt),
    end_conference_on_exit: participant.endConferenceOnExit,
    hold: participant.hold,
    muted: participant.muted,
    status: 'connected',
    uri: `/v2/texml/Accounts/${room.accountId}/Conferences/${room.sid}/Participants/${participant.callSid}.json`,
  };
}

/** Queues exist while calls wait in them, as Call Control queues do. */
function queueNames(calls: TexmlCalls, accountId: string): string[] {
  return [...new Set(calls.waitingAll(accountId).map((call) => call.queue?.name ?? ''))].filter(
    Boolean,
  );
}

function queueView(calls: TexmlCalls, accountId: string, name: string): Record<string, unknown> {
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
): Promise<unknown[]> {
  const stored = await deps.store.listResources(accountId, TEXML_RECORDING_KIND);
  return stored
    .map((resource) => resource.data)
    .filter((data) => callSid === null || data['call_sid'] === callSid);
}
