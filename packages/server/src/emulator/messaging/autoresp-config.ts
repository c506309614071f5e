import type { JsonObject } from '../../storage/store.js';
import {
  isFieldError,
  optionalString,
  requiredString,
  type Body,
} from '../phone-numbers/body-checks.js';
import { fieldErrors, type FieldError } from '../phone-numbers/field-error.js';
import { stringField, stringList } from '../phone-numbers/json-fields.js';

/** Resource kind of auto-response configs; each row also names its messaging profile. */
export const AUTORESP_CONFIG_KIND = 'autoresp_config';

const OPS = ['start', 'stop', 'info'] as const;

/** The checked fields of a create or replace (spec `AutoRespConfigCreateSchema`). */
export interface AutorespFields {
  readonly op: (typeof OPS)[number];
  readonly keywords: readonly string[];
  readonly respText: string | null;
  readonly countryCode: string;
}

/** Checks a create / `PUT` body: `op`, `keywords` (non-empty strings) and `country_code`. */
export function checkAutoresp(body: Body): AutorespFields | FieldError[] {
  const op = body['op'];
  const keywords = body['keywords'];
  const countryCode = requiredString(body, 'country_code');
  const respText = optionalString(body, 'resp_text');
  const errors: FieldError[] = [];
  if (op === undefined) errors.push(fieldErrors.missing("'op' is required.", '/op'));
  else if (!(OPS as readonly unknown[]).includes(op)) {
    errors.push(fieldErrors.invalidEnum(`'op' must be one of: ${OPS.join(', ')}.`, '/op'));
  }
  const keywordList = Array.isArray(keywords) ? keywords : null;
  if (keywordList === null || keywordList.length === 0) {
    errors.push(fieldErrors.missing("'keywords' must be a non-empty list of words.", '/keywords'));
  } else if (!keywordList.every((word) => typeof word === 'string' && word.trim() !== '')) {
    errors.push(fieldErrors.invalidValue('Each keyword must be a non-blank string.', '/keywords'));
  }
  if (isFieldError(countryCode)) errors.push(countryCode);
  if (isFieldError(respText)) errors.push(respText);
  if (errors.length > 0 || isFieldError(countryCode) || isFieldError(respText)) return errors;
  return {
    op: op as AutorespFields['op'],
    keywords: (keywordList ?? []).map(String),
    respText: respText ?? null,
    countryCode: countryCode.toUpperCase(),
  };
}

/** The stored document: the spec's fields plus the profile it belongs to. */
export function autorespDocument(
  id: string,
  profileId: string,
  fields: AutorespFields,
  createdAt: string,
  now: number,
): JsonObject {
  return {
    id,
    messaging_profile_id: profileId,
    op: fields.op,
    keywords: [...fields.keywords],
    ...(fields.respText === null ? {} : { resp_text: fields.respText }),
    country_code: fields.countryCode,
    created_at: createdAt,
    updated_at: new Date(now).toISOString(),
  };
}

/** The spec's `AutorespConfigSchema` view. */
export function autorespView(doc: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => key !== 'messaging_profile_id'));
}

/**
 * The config an inbound text triggers: a keyword equal to the whole text (trimmed, any case)
 * for the sender's country, or null.
 */
export function matchAutoresp(
  configs: readonly JsonObject[],
  text: string,
  senderCountry: string,
): JsonObject | null {
  const word = text.trim().toLowerCase();
  return (
    configs.find(
      (config) =>
        stringField(config, 'country_code') === senderCountry &&
        stringList(config, 'keywords').some((keyword) => keyword.trim().toLowerCase() === word),
    ) ?? null
  );
}
