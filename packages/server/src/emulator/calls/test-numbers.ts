import type { FarEnd } from './call-state.js';

/**
 * The emulator's test numbers. Like a payment provider's test cards, each gives a fixed
 * outcome. All lie in the fictional range +1 NXX 555-01XX; the last two digits choose the
 * behaviour, for any area code. Every other number is a human who answers.
 */
export const TEST_NUMBER_SUFFIXES: Readonly<Record<string, FarEnd>> = {
  '00': 'human',
  '01': 'busy',
  '02': 'no_answer',
  '03': 'rejected',
  '04': 'machine_beep',
  '05': 'machine_no_beep',
  '06': 'fax',
  '07': 'silence',
  '08': 'human_business',
};

const TEST_RANGE = /^\+1\d{3}55501(\d{2})$/;

/** The far-end behaviour of a dialled number. */
export function farEndFor(number: string): FarEnd {
  const suffix = TEST_RANGE.exec(number)?.[1];
  return suffix === undefined ? 'human' : (TEST_NUMBER_SUFFIXES[suffix] ?? 'human');
}
