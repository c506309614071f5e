import {
  CallControlApplication,
  decoderOf,
  type UpdateCallControlApplication,
} from '@switchboard/core/contract';
import type { Resource } from '../../../storage/store.js';

/** Reads a stored call control application (the resource's data, which the API shows as it is). */
export const decodeApplication = decoderOf('call control application', CallControlApplication);

/** The application a resource holds. */
export function applicationOf(resource: Resource): CallControlApplication {
  return decodeApplication(resource.data);
}

/**
 * A declared patch applied to an application: members given replace theirs, except `inbound`
 * and `outbound`, which merge one level deep (a patch of one inbound member keeps the others).
 */
export function mergePatch(
  current: CallControlApplication,
  patch: UpdateCallControlApplication,
): CallControlApplication {
  const { inbound, outbound, ...rest } = patch;
  return {
    ...current,
    ...rest,
    inbound: { ...current.inbound, ...inbound },
    outbound: { ...current.outbound, ...outbound },
  };
}
