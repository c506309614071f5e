/**
 * The few SQL spellings that differ between SQLite and PostgreSQL in dynamically built queries.
 * Fixed statements are written per dialect instead; this only serves the filter builder.
 */
export interface SqlFlavor {
  /** Placeholder for the `index`-th bound value (1-based, in order of appearance). */
  placeholder(index: number): string;
  /** Case-sensitive "haystack contains needle"; both are SQL expressions. */
  contains(haystack: string, needle: string): string;
  /** A JSON column as the text that substring filters search. */
  jsonText(column: string): string;
  /** `column` equals one of the strings bound at `list`. */
  inList(column: string, list: string): string;
  /** How a list of strings is bound as one value. */
  listValue(values: readonly string[]): unknown;
  /** FROM-clause text that joins each row of `deliveries d` to its attempts, aliased `a`. */
  attemptsOfDeliveries: string;
}

/** A statement with its positional values. */
export interface SqlQuery {
  readonly sql: string;
  readonly values: readonly unknown[];
}
