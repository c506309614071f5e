import type { EventOf, TelnyxEventType } from '../events/telnyx-event.js';
import { eventTemplate, type TemplateIds, type TemplateSources } from '../events/templates.js';
import { deepMerge, type DeepPartial } from './deep-merge.js';

/** Options beyond the overrides: the ids and clock the template is filled with. */
export interface BuildTestEventOptions {
  readonly ids?: TemplateIds;
  readonly sources?: TemplateSources;
}

/**
 * A realistic, schema-valid event for testing handlers without a network. `overrides` is
 * deep-merged over the template, e.g. `{ data: { payload: { to: '+13125550199' } } }`.
 */
export function buildTestEvent<T extends TelnyxEventType>(
  type: T,
  overrides?: DeepPartial<EventOf<T>>,
  options: BuildTestEventOptions = {},
): EventOf<T> {
  return deepMerge(eventTemplate(type, options.ids, options.sources), overrides);
}
