import { CALL_CONTROL_APPLICATION_KIND } from '../../storage/resource-kinds.js';
import { TEXML_APPLICATION_KIND } from '../../storage/resource-kinds.js';
import type { Resource, Store } from '../../storage/store.js';
import { getProfile } from '../messaging/messaging-profile.js';
import { nullableString } from './json-fields.js';
import type { LinkedNames, PhoneNumber } from './phone-number.js';

/** Resource kind of call control applications (the API's `/v2/call_control_applications`). */
export const APPLICATION_KIND = CALL_CONTROL_APPLICATION_KIND;

/** True when the account has this call control or TeXML application (a number's connection). */
export async function applicationExists(
  store: Store,
  accountId: string,
  id: string,
): Promise<boolean> {
  return (await connectionOf(store, accountId, id)) !== null;
}

/** The connection a number points at: a call control application, else a TeXML application. */
async function connectionOf(store: Store, accountId: string, id: string): Promise<Resource | null> {
  return (
    (await store.getResource(accountId, APPLICATION_KIND, id)) ??
    store.getResource(accountId, TEXML_APPLICATION_KIND, id)
  );
}

/** The application and profile names shown next to a number's ids. */
export async function linkedNames(
  store: Store,
  accountId: string,
  number: PhoneNumber,
): Promise<LinkedNames> {
  const app =
    number.connection_id === null
      ? null
      : await connectionOf(store, accountId, number.connection_id);
  const profile =
    number.messaging_profile_id === null
      ? null
      : await getProfile(store, accountId, number.messaging_profile_id);
  return {
    connectionName:
      app === null
        ? null
        : (nullableString(app.data, 'application_name') ??
          nullableString(app.data, 'friendly_name')),
    messagingProfileName: profile === null ? null : nullableString(profile, 'name'),
  };
}
