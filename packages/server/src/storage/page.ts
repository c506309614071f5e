/** One page of a list: `number` counts from 1. */
export interface Page {
  readonly number: number;
  readonly size: number;
}

export interface PageResult<T> {
  readonly rows: readonly T[];
  readonly total: number;
}
