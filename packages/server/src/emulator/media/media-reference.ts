import { ValidationError } from '../../support/errors/api-error.js';
import { invalidIssue } from '../../http/validation/issues.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { findMedia } from './media-store.js';

/** Call commands whose body may name stored media instead of an `audio_url`. */
const MEDIA_ACTIONS = new Set(['playback_start', 'gather_using_audio']);

/**
 * Checks the `media_name` of a playback_start or gather_using_audio body: it must name a
 * stored, unexpired file of the account (`/v2/media`), else 422 10015 at `/media_name`.
 * Other commands and bodies without the field pass untouched.
 */
export async function checkMediaReference(
  deps: EmulatorDeps,
  accountId: string,
  action: string,
  body: unknown,
): Promise<void> {
  if (!MEDIA_ACTIONS.has(action) || !isRecord(body)) return;
  const name = body['media_name'];
  if (typeof name !== 'string' || name === '') return;
  if ((await findMedia(deps.store, accountId, name, deps.now())) !== null) return;
  throw new ValidationError([
    {
      ...invalidIssue({ pointer: '/media_name' }, 'the name of stored media'),
      detail: `No stored media named ${name}: upload it with POST /v2/media first.`,
    },
  ]);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
