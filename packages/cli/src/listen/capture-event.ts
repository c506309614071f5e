/** A capture as the server's stream sends it (see docs/inbox.md). */
export interface CaptureEvent {
  readonly id: string;
  readonly sequence: number;
  readonly inbox_id: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body_base64: string;
  readonly event_type: string | null;
}

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
