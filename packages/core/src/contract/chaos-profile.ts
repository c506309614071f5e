import Type, { type Static } from 'typebox';
import { EXPECTED } from './fields.js';

const MAX_DELAY_MS = 10_000;
const MAX_WINDOW_MS = 60_000;
const MAX_SKEW_SECS = 86_400;
const REORDER = `true, false or { "window": 1..${MAX_WINDOW_MS} }`;
const DELAY = `{ "min_ms", "max_ms" } with 0 <= min_ms <= max_ms <= ${MAX_DELAY_MS}`;

/**
 * Faults to inject into deliveries, set on an application or messaging profile as
 * `switchboard_chaos`, or on one event as `chaos`. Every field is optional; an empty profile
 * injects nothing; an unknown field is an error, so typos do not go unseen. See docs/chaos.md.
 */
export const ChaosProfile = Type.Object(
  {
    duplicate: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        [EXPECTED]: 'a number from 0 to 1',
        description: 'Probability that an event is delivered twice',
      }),
    ),
    reorder: Type.Optional(
      Type.Union(
        [
          Type.Boolean(),
          Type.Object(
            { window: Type.Integer({ minimum: 1, maximum: MAX_WINDOW_MS, [EXPECTED]: REORDER }) },
            { additionalProperties: false },
          ),
        ],
        { [EXPECTED]: REORDER },
      ),
    ),
    delay: Type.Optional(
      // The order of the bounds is a rule between two members, so it is a refinement.
      Type.Refine(
        Type.Object(
          {
            min_ms: Type.Integer({ minimum: 0, maximum: MAX_DELAY_MS, [EXPECTED]: DELAY }),
            max_ms: Type.Integer({ minimum: 0, maximum: MAX_DELAY_MS, [EXPECTED]: DELAY }),
          },
          {
            additionalProperties: false,
            [EXPECTED]: DELAY,
            description: 'Wait a random time in [min_ms, max_ms] before each try',
          },
        ),
        (delay) => delay.min_ms <= delay.max_ms,
      ),
    ),
    fail_first: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100, [EXPECTED]: 'an integer from 0 to 100' }),
    ),
    stale_timestamp: Type.Optional(Type.Boolean()),
    clock_skew_secs: Type.Optional(
      Type.Integer({
        minimum: -MAX_SKEW_SECS,
        maximum: MAX_SKEW_SECS,
        [EXPECTED]: `an integer from -${MAX_SKEW_SECS} to ${MAX_SKEW_SECS}`,
      }),
    ),
    concurrency: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, [EXPECTED]: 'an integer from 1 to 1000' }),
    ),
    seed: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 2 ** 32 - 1,
        [EXPECTED]: 'an integer from 0 to 4294967295',
      }),
    ),
  },
  { additionalProperties: false },
);

export type ChaosProfile = Static<typeof ChaosProfile>;
