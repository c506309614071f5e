import type { CallState } from '../calls/call-state.js';
import type { QueueCallView, QueueView } from './queue-contract.js';
import { averageWaitSecs, type QueueRecord } from './queue-record.js';

/** The spec's `Queue` object. */
export function queueView(queue: QueueRecord, currentSize: number): QueueView {
  return {
    record_type: 'queue',
    id: queue.id,
    name: queue.name,
    current_size: currentSize,
    max_size: queue.maxSize,
    average_wait_time_secs: averageWaitSecs(queue),
    created_at: new Date(queue.createdAt).toISOString(),
    updated_at: new Date(queue.updatedAt).toISOString(),
  };
}

/** The spec's `QueueCall`: a waiting call, its place in line and how long it has waited. */
export function queueCallView(
  queue: QueueRecord,
  call: CallState,
  position: number,
  now: number,
): QueueCallView {
  const enqueuedAt = call.queue?.enqueuedAt ?? now;
  return {
    record_type: 'queue_call',
    call_control_id: call.id,
    call_leg_id: call.legId,
    call_session_id: call.sessionId,
    connection_id: call.connectionId,
    from: call.from,
    to: call.to,
    is_alive: call.phase !== 'ended',
    enqueued_at: new Date(enqueuedAt).toISOString(),
    wait_time_secs: Math.floor((now - enqueuedAt) / 1000),
    queue_position: position,
    queue_id: queue.id,
  };
}
