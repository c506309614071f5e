import type { Issue } from '../../http/validation/issues.js';
import type { PhoneNumbersJob } from './phone-number-schemas.js';

/** Resource kind of phone-number background jobs. */
export const PHONE_NUMBERS_JOB_KIND = 'phone_numbers_job';

/** The job types the emulator runs (emergency settings are not emulated). */
export type JobType = 'delete_phone_numbers' | 'update_phone_numbers';

/** What happened to one number of a job. */
export type JobOutcome =
  | { readonly ok: true; readonly id: string; readonly phoneNumber: string }
  | { readonly ok: false; readonly phoneNumber: string; readonly error: Issue };

export interface NewJob {
  readonly id: string;
  readonly type: JobType;
  readonly outcomes: readonly JobOutcome[];
  readonly now: number;
}

/**
 * The spec's `PhoneNumbersJob` of a job the emulator ran to the end in its request:
 * `status: completed`, each number in `successful_operations` or `failed_operations`.
 */
export function completedJob(input: NewJob): PhoneNumbersJob {
  const at = new Date(input.now).toISOString();
  const done: { id: string; phone_number: string }[] = [];
  const failed: PhoneNumbersJob['failed_operations'] = [];
  for (const o of input.outcomes) {
    if (o.ok) done.push({ id: o.id, phone_number: o.phoneNumber });
    else {
      const { code, title, detail } = o.error;
      failed.push({ phone_number: o.phoneNumber, errors: [{ code, title, detail }] });
    }
  }
  return {
    id: input.id,
    record_type: 'phone_numbers_job',
    type: input.type,
    status: 'completed',
    etc: at,
    phone_numbers: input.outcomes.map((o) => ({
      ...(o.ok ? { id: o.id } : {}),
      phone_number: o.phoneNumber,
    })),
    successful_operations: done,
    pending_operations: [],
    failed_operations: failed,
    created_at: at,
    updated_at: at,
  };
}
