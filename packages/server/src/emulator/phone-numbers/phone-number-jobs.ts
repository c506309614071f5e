import type { JsonObject } from '../../storage/store.js';
import type { FieldError } from './field-error.js';

/** Resource kind of phone-number background jobs. */
export const PHONE_NUMBERS_JOB_KIND = 'phone_numbers_job';

/** The job types the emulator runs (emergency settings are not emulated). */
export type JobType = 'delete_phone_numbers' | 'update_phone_numbers';

/** What happened to one number of a job. */
export type JobOutcome =
  | { readonly ok: true; readonly id: string; readonly phoneNumber: string }
  | { readonly ok: false; readonly phoneNumber: string; readonly error: FieldError };

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
export function completedJob(input: NewJob): JsonObject {
  const at = new Date(input.now).toISOString();
  const done = input.outcomes.filter((o) => o.ok);
  const failed = input.outcomes.filter((o) => !o.ok);
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
    successful_operations: done.map((o) => ({ id: o.id, phone_number: o.phoneNumber })),
    pending_operations: [],
    failed_operations: failed.map((o) => ({
      phone_number: o.phoneNumber,
      errors: [{ code: o.error.code, title: o.error.title, detail: o.error.detail }],
    })),
    created_at: at,
    updated_at: at,
  };
}
