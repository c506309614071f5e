import type { Store } from '../../storage/store.js';
import { documentResource } from '../stored-document.js';
import { AUTORESP_CONFIG_KIND } from './autoresp-config.js';
import { decodeAutoresp, type StoredAutoresp } from './messaging-schemas.js';

/** The auto-response configs of one profile, oldest first. */
export async function profileConfigs(
  store: Store,
  accountId: string,
  profileId: string,
): Promise<StoredAutoresp[]> {
  const rows = await store.listResources(accountId, AUTORESP_CONFIG_KIND);
  return rows
    .map((row) => decodeAutoresp(row.data))
    .filter((doc) => doc.messaging_profile_id === profileId);
}

/** One config of the account, or null. */
export async function getAutoresp(
  store: Store,
  accountId: string,
  id: string,
): Promise<StoredAutoresp | null> {
  const row = await store.getResource(accountId, AUTORESP_CONFIG_KIND, id);
  return row === null ? null : decodeAutoresp(row.data);
}

/** Writes a config document, keeping the row's times in step with it. */
export async function saveAutoresp(store: Store, accountId: string, doc: StoredAutoresp) {
  await store.putResource(documentResource(accountId, AUTORESP_CONFIG_KIND, doc));
}
