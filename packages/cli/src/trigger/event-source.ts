import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { eventTemplate, isKnownEventType, type TelnyxEventType } from '@switchboard/core';
import { UsageError } from '../client/cli-error.js';
import { FLOW_NAMES, flowEvents, type FlowName } from './flows.js';
import { applySets, isRecord, type JsonRecord } from './set-path.js';

/** What `trigger` sends, before overrides: a built-in type, a template file or a flow. */
export interface SourceFlags {
  /** Built-in event types, sent in the order given. */
  readonly eventTypes: readonly string[];
  readonly template?: string;
  readonly flow?: string;
  readonly set?: readonly string[];
}

/** Makes the envelopes of one send; called once per `--count`, so ids are fresh each time. */
export type EventSource = () => JsonRecord[];

/** The source the flags describe; reads a template file once, up front. */
export async function eventSource(flags: SourceFlags): Promise<EventSource> {
  const sets = flags.set ?? [];
  const base = await baseSource(flags);
  return () => base().map((envelope) => applySets(envelope, sets));
}

async function baseSource(flags: SourceFlags): Promise<EventSource> {
  const types = flags.eventTypes.length > 0 ? flags.eventTypes : undefined;
  const chosen = [types, flags.template, flags.flow].filter((x) => x !== undefined);
  if (chosen.length !== 1) {
    throw new UsageError('give an event type, --template FILE or --flow NAME (exactly one)');
  }
  if (flags.flow !== undefined) return flowSource(flags.flow);
  if (flags.template !== undefined) return fileSource(await readTemplate(flags.template));
  return builtInSource(flags.eventTypes);
}

function flowSource(flow: string): EventSource {
  if (!(FLOW_NAMES as readonly string[]).includes(flow)) {
    throw new UsageError(`--flow takes one of ${FLOW_NAMES.join(', ')} (got "${flow}")`);
  }
  return () => flowEvents(flow as FlowName);
}

function builtInSource(types: readonly string[]): EventSource {
  const unknown = types.find((type) => !isKnownEventType(type));
  if (unknown !== undefined) {
    throw new UsageError(
      `no built-in template for "${unknown}": see \`switchboard templates list\``,
    );
  }
  return () => types.map((type) => eventTemplate(type as TelnyxEventType) as unknown as JsonRecord);
}

// A file's own id would make every --count after the first a duplicate, so each send gets a new one.
function fileSource(template: JsonRecord): EventSource {
  return () => {
    const copy = structuredClone(template);
    const data = isRecord(copy['data']) ? copy['data'] : copy;
    data['id'] = randomUUID();
    return [copy];
  };
}

async function readTemplate(path: string): Promise<JsonRecord> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the template file ${path}`);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (isRecord(parsed)) return parsed;
  } catch {
    // Reported below.
  }
  throw new UsageError(
    `${path} is not a JSON object; export one with \`switchboard templates export\``,
  );
}
