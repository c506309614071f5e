import type { JsonObject, Resource } from '../../../storage/store.js';
import { CALL_CONTROL_APPLICATION_KIND } from '../../../storage/resource-kinds.js';

/** Builds the stored resource of a new application (of `kind`) from its checked fields. */
export function newApplication(
  accountId: string,
  id: string,
  fields: JsonObject,
  now: number,
  kind: string = CALL_CONTROL_APPLICATION_KIND,
): Resource {
  const stamp = new Date(now).toISOString();
  const data: JsonObject = {
    id,
    record_type: kind,
    ...fields,
    created_at: stamp,
    updated_at: stamp,
  };
  return {
    accountId,
    kind,
    id,
    data,
    createdAt: now,
    updatedAt: now,
  };
}

/** The stored resource after an update; identity and creation time never change. */
export function updatedApplication(resource: Resource, merged: JsonObject, now: number): Resource {
  const data: JsonObject = {
    ...merged,
    id: resource.id,
    record_type: resource.kind,
    created_at: resource.data['created_at'] ?? new Date(resource.createdAt).toISOString(),
    updated_at: new Date(now).toISOString(),
  };
  return { ...resource, data, updatedAt: now };
}
