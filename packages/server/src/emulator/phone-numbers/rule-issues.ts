import { ApiError, ValidationError } from '../../support/errors/api-error.js';
import type { Issue } from '../../http/validation/issues.js';

/**
 * The business rules of numbers and messaging that no declaration can express (a reference to
 * a resource that must exist, a number one account has), as Telnyx error items.
 */

/** 10017: a referenced resource does not exist. */
export function noSuchAssociationIssue(pointer: string, detail: string): Issue {
  return { code: '10017', title: 'Associated resource does not exist', detail, pointer };
}

/** 10012: the resource exists already (a number belongs to one account). */
export function duplicateIssue(pointer: string, detail: string): Issue {
  return { code: '10012', title: 'Duplicate resource', detail, pointer };
}

/** 10021: a resource still in use cannot go. */
export function inUseIssue(detail: string): Issue {
  return { code: '10021', title: 'Resource in use', detail };
}

/** 10015: a value the rules refuse. */
export function ruleIssue(pointer: string, detail: string): Issue {
  return { code: '10015', title: 'Invalid value', detail, pointer };
}

/** 10004: something required is missing, by a rule beyond the declaration's. */
export function requiredIssue(pointer: string, detail: string): Issue {
  return { code: '10004', title: 'Missing required parameter', detail, pointer };
}

/** Throws the 422 of the issues found, if any. */
export function refuseIssues(issues: readonly Issue[]): void {
  const [first, ...rest] = issues;
  if (first !== undefined) throw new ValidationError([first, ...rest]);
}

/** A refusal with a status other than 422 (e.g. 400 / 40305). */
export function refusal(status: number, issue: Issue): ApiError {
  return new ApiError(status, [issue]);
}
