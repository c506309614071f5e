import { invalidIssue } from '../../http/validation/issues.js';
import { refuseIssues } from '../phone-numbers/rule-issues.js';
import type { UpdateMessagingProfile } from './messaging-schemas.js';

/**
 * The rule of a declared profile body that its schema cannot express: a chaos `delay` needs
 * `min_ms <= max_ms`. Throws its 422 (10015 at the delay).
 */
export function refuseBadChaos(body: UpdateMessagingProfile): void {
  const delay = body.switchboard_chaos?.delay;
  if (delay === undefined || delay.min_ms <= delay.max_ms) return;
  refuseIssues([
    invalidIssue(
      { pointer: '/switchboard_chaos/delay' },
      '{ "min_ms", "max_ms" } with 0 <= min_ms <= max_ms <= 10000',
    ),
  ]);
}
