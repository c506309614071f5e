import { CallControlApplication, decoderOf } from '@switchboard/core/contract';
import type { Resource } from '../../../storage/store.js';

/** Reads a stored call control application (the resource's data, which the API shows as it is). */
export const decodeApplication = decoderOf('call control application', CallControlApplication);

/** The application a resource holds. */
export function applicationOf(resource: Resource): CallControlApplication {
  return decodeApplication(resource.data);
}

/** A connection's nested settings, which a patch merges one level deep. */
interface Connection {
  readonly inbound: object;
  readonly outbound: object;
}

/**
 * A declared patch applied to an application (call control or TeXML): members given replace
 * theirs, except `inbound` and `outbound`, which merge one level deep (a patch of one inbound
 * member keeps the others).
 */
export function mergePatch<T extends Connection>(
  current: T,
  patch: Partial<Omit<T, keyof Connection>> & {
    readonly inbound?: Partial<T['inbound']>;
    readonly outbound?: Partial<T['outbound']>;
  },
): T {
  const { inbound, outbound, ...rest } = patch;
  return {
    ...current,
    ...rest,
    inbound: { ...current.inbound, ...inbound },
    outbound: { ...current.outbound, ...outbound },
  };
}
