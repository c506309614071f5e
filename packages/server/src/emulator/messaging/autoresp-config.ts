import type { AutorespBody, StoredAutoresp } from './messaging-schemas.js';

/** Resource kind of auto-response configs; each row also names its messaging profile. */
export const AUTORESP_CONFIG_KIND = 'autoresp_config';

/** The stored document of a declared create / `PUT` body: the spec's fields plus the profile. */
export function autorespDocument(
  id: string,
  profileId: string,
  body: AutorespBody,
  createdAt: string,
  now: number,
): StoredAutoresp {
  const respText = body.resp_text ?? null;
  return {
    id,
    messaging_profile_id: profileId,
    op: body.op,
    keywords: [...body.keywords],
    ...(respText === null ? {} : { resp_text: respText }),
    country_code: body.country_code.toUpperCase(),
    created_at: createdAt,
    updated_at: new Date(now).toISOString(),
  };
}

/** The spec's `AutorespConfigSchema` view. */
export function autorespView({ messaging_profile_id: _profile, ...view }: StoredAutoresp) {
  return view;
}

/**
 * The config an inbound text triggers: a keyword equal to the whole text (trimmed, any case)
 * for the sender's country, or null.
 */
export function matchAutoresp(
  configs: readonly StoredAutoresp[],
  text: string,
  senderCountry: string,
): StoredAutoresp | null {
  const word = text.trim().toLowerCase();
  return (
    configs.find(
      (config) =>
        config.country_code === senderCountry &&
        config.keywords.some((keyword) => keyword.trim().toLowerCase() === word),
    ) ?? null
  );
}
