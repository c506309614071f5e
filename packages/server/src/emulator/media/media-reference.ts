import { fieldErrors } from '../phone-numbers/field-error.js';
import { toApiError } from '../phone-numbers/to-api-error.js';
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
  if (!MEDIA_ACTIONS.has(action) || typeof body !== 'object' || body === null) return;
  const name = (body as Readonly<Record<string, unknown>>)['media_name'];
  if (typeof name !== 'string' || name === '') return;
  if ((await findMedia(deps.store, accountId, name, deps.now())) !== null) return;
  throw toApiError(
    fieldErrors.invalidValue(
      `No stored media named ${name}: upload it with POST /v2/media first.`,
      '/media_name',
    ),
  );
}
