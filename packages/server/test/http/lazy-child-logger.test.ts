import { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyChildLogger } from '../../src/http/api/lazy-child-logger.js';

/** A pino logger writing JSON lines into `lines`, with a count of the children made from it. */
function recorded(): {
  parent: FastifyBaseLogger;
  lines: Record<string, unknown>[];
  made: () => number;
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ redact: ['secret'] }, sink);
  let children = 0;
  const parent: FastifyBaseLogger = {
    get level() {
      return logger.level;
    },
    set level(level) {
      logger.level = level;
    },
    fatal: logger.fatal.bind(logger),
    error: logger.error.bind(logger),
    warn: logger.warn.bind(logger),
    info: logger.info.bind(logger),
    debug: logger.debug.bind(logger),
    trace: logger.trace.bind(logger),
    silent: logger.silent.bind(logger),
    child: (bindings, options) => {
      children += 1;
      return logger.child(bindings, options);
    },
  };
  return { parent, lines, made: () => children };
}

describe('lazyChildLogger', () => {
  it('makes no child for a request that never logs', () => {
    const { parent, made } = recorded();
    lazyChildLogger(parent, { reqId: 'req-1' }, {});
    expect(made()).toBe(0);
  });

  it('makes the child once, on the first line, and writes each line as the child would', () => {
    const { parent, lines, made } = recorded();
    const log = lazyChildLogger(parent, { reqId: 'req-2' }, {});
    log.error({ err: new Error('boom'), secret: 'k' }, 'request failed');
    log.warn('plain %s', 'text');
    log.debug('below the level');
    expect(made()).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 50,
      reqId: 'req-2',
      msg: 'request failed',
      secret: '[Redacted]',
    });
    expect((lines[0]?.['err'] as { message: string }).message).toBe('boom');
    expect(lines[1]).toMatchObject({ level: 40, reqId: 'req-2', msg: 'plain text' });
  });

  it('passes on its level and its children', () => {
    const { parent, lines } = recorded();
    const log = lazyChildLogger(parent, { reqId: 'req-3' }, { level: 'debug' });
    expect(log.level).toBe('debug');
    log.level = 'warn';
    log.info('dropped');
    log.child({ part: 'inner' }).warn('kept');
    expect(lines).toEqual([
      expect.objectContaining({ reqId: 'req-3', part: 'inner', msg: 'kept' }),
    ]);
  });
});
