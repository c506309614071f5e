import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/ops/create-logger.js';
import { attemptLogger } from '../../src/engine/delivery/attempt-log.js';
import { fixedShapeLogger } from '../../src/support/fixed-shape-logger.js';
import { REDACT_PATHS } from '../../src/ops/logging/redact-paths.js';
import type { Delivery } from '../../src/storage/store.js';
import { makeAttempt } from '../storage/store-fixtures.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    stream: {
      write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  };
}

/** The last segment of each redacted path: the names redaction acts on. */
const REDACTED_NAMES = new Set(
  REDACT_PATHS.map((path) => /([\w-]+)"?\]?$/.exec(path)?.[1] ?? path),
);

describe('fixedShapeLogger', () => {
  it('writes lines as given, at the parent level and with its bindings', () => {
    const log = capture();
    const logger = fixedShapeLogger(createLogger('warn', log.stream).child({ component: 'x' }));
    logger.info({ a: 1 }, 'quiet');
    logger.warn({ a: 2 }, 'loud');
    expect(log.lines).toEqual([expect.objectContaining({ component: 'x', a: 2, msg: 'loud' })]);
  });

  it('is used for the attempt line, none of whose fields redaction would act on', () => {
    const log = capture();
    const delivery = { id: 'd', eventId: 'e', accountId: 'a', eventType: 't' } as Delivery;
    attemptLogger(fixedShapeLogger(createLogger('info', log.stream)))(
      makeAttempt('d', 1),
      delivery,
    );
    const [line] = log.lines;
    expect(line?.['msg']).toBe('webhook attempt');
    expect(Object.keys(line ?? {}).filter((name) => REDACTED_NAMES.has(name))).toEqual([]);
  });
});
