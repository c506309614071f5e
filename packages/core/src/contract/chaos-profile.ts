import Type, { type Static } from 'typebox';

const MAX_DELAY_MS = 10_000;
const MAX_WINDOW_MS = 60_000;
const MAX_SKEW_SECS = 86_400;

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
        description: 'Probability that an event is delivered twice',
      }),
    ),
    reorder: Type.Optional(
      Type.Union(
        [
          Type.Boolean(),
          Type.Object(
            { window: Type.Integer({ minimum: 1, maximum: MAX_WINDOW_MS }) },
            { additionalProperties: false },
          ),
        ],
        { 'x-expected': `true, false or { "window": 1..${MAX_WINDOW_MS} }` },
      ),
    ),
    delay: Type.Optional(
      Type.Object(
        {
          min_ms: Type.Integer({ minimum: 0, maximum: MAX_DELAY_MS }),
          max_ms: Type.Integer({ minimum: 0, maximum: MAX_DELAY_MS }),
        },
        {
          additionalProperties: false,
          description: 'Wait a random time in [min_ms, max_ms] before each try',
        },
      ),
    ),
    fail_first: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    stale_timestamp: Type.Optional(Type.Boolean()),
    clock_skew_secs: Type.Optional(
      Type.Integer({ minimum: -MAX_SKEW_SECS, maximum: MAX_SKEW_SECS }),
    ),
    concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 32 - 1 })),
  },
  { additionalProperties: false },
);

export type ChaosProfile = Static<typeof ChaosProfile>;
