import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DELIVERY_ERROR_CODES } from '../../src/engine/delivery/delivery-error-codes.js';

const docs = (name: string): string =>
  readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), 'utf8');

describe('delivery error codes in the docs', () => {
  const codes = Object.values(DELIVERY_ERROR_CODES);

  it('docs/delivery.md gives every code a row of its outcome table', () => {
    const rows = new Set(
      [...docs('delivery.md').matchAll(/\| `\[(\d+)\]` \|/g)].map((m) => Number(m[1])),
    );
    expect([...rows].sort()).toEqual([...codes].sort());
  });

  it('docs/errors.md names every code', () => {
    const errors = docs('errors.md');
    for (const code of codes) expect(errors).toContain(String(code));
  });
});
