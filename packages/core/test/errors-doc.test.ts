import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_ERROR_CODES } from '@switchboard/core';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const codes = Object.keys(WEBHOOK_ERROR_CODES).sort();

describe('docs/errors.md', () => {
  it('has one section per error code, and no section for a code that does not exist', () => {
    const headings = [...doc.matchAll(/^### (WH_[A-Z_]+)\s*$/gm)].map((m) => m[1]).sort();
    expect(headings).toEqual(codes);
  });

  it('mentions no WH_ code that does not exist', () => {
    const mentioned = new Set([...doc.matchAll(/\bWH_[A-Z_]+\b/g)].map((m) => m[0]));
    expect([...mentioned].filter((code) => !codes.includes(code))).toEqual([]);
  });

  it('gives every code a meaning, a typical cause and a fix', () => {
    for (const section of doc.split(/^### /m).slice(1)) {
      expect(section).toMatch(/\*\*Meaning\.\*\*/);
      expect(section).toMatch(/\*\*Typical cause\.\*\*/);
      expect(section).toMatch(/\*\*Fix\.\*\*/);
    }
  });
});
