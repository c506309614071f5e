import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const committed = join(root, 'packages/core/src/events/generated');
const schemas = join(root, 'packages/core/src/events/telnyx-webhook-event-schemas.json');
const fresh = mkdtempSync(join(tmpdir(), 'sb-generated-'));

afterAll(() => {
  rmSync(fresh, { recursive: true, force: true });
});

describe('generated event types', () => {
  it('are exactly what the generator writes from the schemas today', () => {
    execFileSync(
      process.execPath,
      [join(root, 'scripts/generate-event-types.mjs'), schemas, fresh],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
    const files = readdirSync(committed).sort();
    expect(readdirSync(fresh).sort()).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(fresh, file), 'utf8'), file).toBe(
        readFileSync(join(committed, file), 'utf8'),
      );
    }
  });
});
