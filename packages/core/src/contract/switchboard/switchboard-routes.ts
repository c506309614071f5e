import type { RouteTable } from '../route-spec.js';
import { accountRoutes } from './accounts.js';
import Type from 'typebox';
import { callControlApplicationRoutes } from './call-control-applications.js';
import { AudioTicket, CallSummaryList, CallTimeline } from './calls.js';
import { IdParams } from './common.js';
import { deliveryRoutes } from './deliveries.js';
import { eventRoutes } from './events.js';
import { healthRoutes } from './health.js';
import { inboxRoutes } from './inbox.js';
import { signingKeyRoutes } from './signing-keys.js';
import { statsRoutes } from './stats.js';
import { TexmlDashboardCallDetail, TexmlDashboardCalls } from './texml.js';
import { texmlApplicationRoutes } from './texml-applications.js';

/** `GET /switchboard/texml/calls[/{sid}]`: the dashboard's TeXML view. */
export const texmlDashboardRoutes = {
  listTexmlDashboardCalls: {
    method: 'GET',
    url: '/switchboard/texml/calls',
    response: TexmlDashboardCalls,
  },
  getTexmlDashboardCall: {
    method: 'GET',
    url: '/switchboard/texml/calls/:id',
    params: IdParams,
    response: TexmlDashboardCallDetail,
  },
} as const satisfies RouteTable;

/** A call's id in a path, as the call routes name it. */
const CallIdParams = Type.Object({ call_control_id: Type.String() });

/** The dashboard's call routes: the calls, one call's timeline, a softphone audio ticket. */
export const callDashboardRoutes = {
  listCalls: { method: 'GET', url: '/switchboard/calls', response: CallSummaryList },
  getCallTimeline: {
    method: 'GET',
    url: '/switchboard/calls/:call_control_id/timeline',
    params: CallIdParams,
    response: CallTimeline,
  },
  createCallAudioTicket: {
    method: 'POST',
    url: '/switchboard/calls/:call_control_id/audio_ticket',
    params: CallIdParams,
    response: AudioTicket,
  },
} as const satisfies RouteTable;

/** The inbox routes with a JSON reply; the capture stream (SSE) is read as a stream instead. */
const inboxJsonRoutes = {
  createInbox: { ...inboxRoutes.createInbox, status: 201 },
  listInboxes: inboxRoutes.listInboxes,
  getInbox: inboxRoutes.getInbox,
  updateInbox: inboxRoutes.updateInbox,
  deleteInbox: inboxRoutes.deleteInbox,
  listCaptures: inboxRoutes.listCaptures,
  getCapture: inboxRoutes.getCapture,
  reportForwardAttempt: { ...inboxRoutes.reportForwardAttempt, status: 201 },
  sign: inboxRoutes.sign,
} as const satisfies RouteTable;

/**
 * Every route the CLI and the dashboard call, typed by the declarations the server registers
 * them with: `createApiClient(switchboardRoutes, …)`. Routes answering 201 say so here (their
 * per-area tables leave `status` out).
 */
export const switchboardRoutes = {
  ...deliveryRoutes,
  ...statsRoutes,
  ...accountRoutes,
  createAccount: { ...accountRoutes.createAccount, status: 201 },
  ...signingKeyRoutes,
  ...inboxJsonRoutes,
  ...callControlApplicationRoutes,
  createCallControlApplication: {
    ...callControlApplicationRoutes.createCallControlApplication,
    status: 201,
  },
  ...healthRoutes,
  ...eventRoutes,
  ...texmlDashboardRoutes,
  ...callDashboardRoutes,
  ...texmlApplicationRoutes,
  createTexmlApplication: { ...texmlApplicationRoutes.createTexmlApplication, status: 201 },
} as const satisfies RouteTable;

export type SwitchboardRoutes = typeof switchboardRoutes;
