import { Int, LENIENT, Text } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { PAGE_QUERY, PageMeta } from '../../http/page-query.js';

/** Declarations of `/v2/queues*`; bodies read leniently, as the call commands' are. */

/** A created queue's default size (the spec's CreateQueue default). */
export const CREATED_MAX_SIZE = 300;

const MaxSize = Int(1, 5000);

/** `POST /v2/queues`: `queue_name` (new to the account) and `max_size` (default 300). */
export const CreateQueue = Type.Object(
  {
    queue_name: Text(),
    max_size: Type.Optional(Int(1, 5000, { default: CREATED_MAX_SIZE })),
  },
  { [LENIENT]: true },
);

/** `POST /v2/queues/{name}`: a new `max_size` (required). */
export const UpdateQueue = Type.Object({ max_size: MaxSize }, { [LENIENT]: true });

/** `PATCH /v2/queues/{name}/calls/{id}`. */
export const UpdateQueueCall = Type.Object(
  { keep_after_hangup: Type.Optional(Type.Boolean({ default: false })) },
  { [LENIENT]: true },
);

export const QueueParams = Type.Object({ name: Type.String() });
export const QueueCallParams = Type.Object({ name: Type.String(), callId: Type.String() });
export const QueueListQuery = Type.Object({ ...PAGE_QUERY });

/** The spec's `Queue`. */
export const QueueView = Type.Object({
  record_type: Type.Literal('queue'),
  id: Type.String(),
  name: Type.String(),
  current_size: Type.Integer(),
  max_size: Type.Integer(),
  average_wait_time_secs: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

/** The spec's `QueueCall`: a waiting call, its place in line and how long it has waited. */
export const QueueCallView = Type.Object({
  record_type: Type.Literal('queue_call'),
  call_control_id: Type.String(),
  call_leg_id: Type.String(),
  call_session_id: Type.String(),
  connection_id: Type.String(),
  from: Type.String(),
  to: Type.String(),
  is_alive: Type.Boolean(),
  enqueued_at: Type.String(),
  wait_time_secs: Type.Integer(),
  queue_position: Type.Integer(),
  queue_id: Type.String(),
});

export const QueueResponse = Type.Object({ data: QueueView });
export const QueueListResponse = Type.Object({ data: Type.Array(QueueView), meta: PageMeta });
export const QueueCallResponse = Type.Object({ data: QueueCallView });
export const QueueCallListResponse = Type.Object({
  data: Type.Array(QueueCallView),
  meta: PageMeta,
});

export type QueueView = Static<typeof QueueView>;
export type QueueCallView = Static<typeof QueueCallView>;
