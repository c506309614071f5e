import type { CaptureView } from '@switchboard/core/contract';

/** A capture as the server's stream sends it (see docs/inbox.md): the members `listen` reads. */
export type CaptureEvent = Readonly<
  Pick<
    CaptureView,
    | 'id'
    | 'sequence'
    | 'inbox_id'
    | 'method'
    | 'path'
    | 'query'
    | 'headers'
    | 'body_base64'
    | 'event_type'
  >
>;

/** Reads a `capture` event's data; throws on a shape this CLI does not know (a server bug). */
export function parseCaptureEvent(data: string): CaptureEvent {
  const parsed = JSON.parse(data) as Partial<CaptureEvent>;
  if (typeof parsed.id !== 'string' || typeof parsed.sequence !== 'number') {
    throw new Error('The server sent a capture without an id or sequence');
  }
  return parsed as CaptureEvent;
}

/** The part of the capture path after `/switchboard/inbox/{token}`, e.g. `/voice`. */
export function subpathOf(capture: CaptureEvent): string {
  const match = /^\/switchboard\/inbox\/[^/]+(\/.*)?$/.exec(capture.path);
  return match?.[1] ?? '';
}
