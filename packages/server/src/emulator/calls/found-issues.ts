import { ValidationError } from '../../support/errors/api-error.js';
import type { Issue } from '../../http/validation/issues.js';

/**
 * The problems a declared body's business rules find (an E.164 number, base-64 client state),
 * collected so one 422 names every bad field; the declaration has already checked the shape.
 */
export class FoundIssues {
  readonly #issues: Issue[] = [];

  /** Records a problem; null, so a reader can return it in place of the bad value. */
  report(issue: Issue): null {
    this.#issues.push(issue);
    return null;
  }

  /** Throws the collected 422, if any. */
  done(): void {
    const [first, ...rest] = this.#issues;
    if (first !== undefined) throw new ValidationError([first, ...rest]);
  }
}
