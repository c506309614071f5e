/** The label value every value past the limit is counted under. */
export const OTHER_LABEL = 'other';

/**
 * Keeps a metric label's set of values bounded. Prometheus keeps one series per distinct value
 * for the life of the process, and some values come from clients (an event type is any string
 * up to 255 characters), so each new value would grow memory and every scrape forever. Values
 * `always` accepts (the Telnyx event types) keep their name; the first `limit` others too; any
 * value after that is counted as {@link OTHER_LABEL}.
 */
export class BoundedLabel {
  readonly #always: (value: string) => boolean;
  readonly #limit: number;
  readonly #seen = new Set<string>();

  constructor(always: (value: string) => boolean, limit: number) {
    this.#always = always;
    this.#limit = limit;
  }

  /** The label value to record `value` under. */
  of(value: string): string {
    if (this.#always(value) || this.#seen.has(value)) return value;
    if (this.#seen.size >= this.#limit) return OTHER_LABEL;
    this.#seen.add(value);
    return value;
  }
}
