import { request } from 'undici';

/** One parsed Server-Sent Event. */
export interface SseEvent {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

/** An open SSE connection in a test: events arrive in `events`; `next` waits for more. */
export interface SseReader {
  readonly status: number;
  readonly events: SseEvent[];
  /** Resolves once `count` events (in total) have arrived. */
  waitFor(count: number): Promise<SseEvent[]>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseReader> {
  const controller = new AbortController();
  const response = await request(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  response.body.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const parsed = parse(buffer.slice(0, end));
      if (parsed !== null) events.push(parsed);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
    for (const wake of waiters.splice(0)) wake();
  });
  response.body.on('error', () => undefined);
  const waitFor = async (count: number): Promise<SseEvent[]> => {
    while (events.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return events.slice(0, count);
  };
  return {
    status: response.statusCode,
    events,
    waitFor,
    close: () => {
      controller.abort();
    },
  };
}

function parse(block: string): SseEvent | null {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const [field, ...rest] = line.split(': ');
    const value = rest.join(': ');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { id, event, data: data.join('\n') };
}
