import type { JsonObject, Store } from '../../storage/store.js';
import { documentResource } from '../stored-document.js';
import { AUTORESP_CONFIG_KIND } from './autoresp-config.js';

/** The auto-response configs of one profile, oldest first. */
export async function profileConfigs(
  store: Store,
  accountId: string,
  profileId: string,
): Promise<JsonObject[]> {
  const rows = await store.listResources(accountId, AUTORESP_CONFIG_KIND);
  return rows.map((row) => row.data).filter((doc) => doc['messaging_profile_id'] === profileId);
}

/** Writes a config document, keeping the row's times in step with it. */
export async function saveAutoresp(store: Store, accountId: string, doc: JsonObject) {
  await store.putResource(documentResource(accountId, AUTORESP_CONFIG_KIND, doc));
}
