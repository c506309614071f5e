import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECEIVER_RESPONSE_CODES } from '../src/receiver/responses.js';

const doc = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/sdk/receiver.md'),
  'utf8',
);

describe('docs/sdk/receiver.md', () => {
  it('documents exactly the receiver response codes that exist', () => {
    const documented = new Set(doc.match(/RCV_[A-Z_]+/g));
    expect([...documented].sort()).toEqual(Object.keys(RECEIVER_RESPONSE_CODES).sort());
  });
});
