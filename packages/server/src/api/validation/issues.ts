// Moved to http/validation; kept while routes move to declarations.
export { enumIssue, invalidIssue, missingIssue, rangeIssue } from '../../http/validation/issues.js';
