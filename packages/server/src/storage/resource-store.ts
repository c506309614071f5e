import type { Resource } from './resource.js';

/** Generic account-owned documents: the emulator's applications, numbers, calls, messages, … */
export interface ResourceStore {
  /**
   * Creates or replaces the resource with this account, kind and id. Rejects with
   * `ResourceConflictError` (code `RESOURCE_CONFLICT`) when another resource, in any account,
   * already holds its unique value: a `phone_number` resource's `data.phone_number`.
   */
  putResource(resource: Resource): Promise<void>;
  getResource(accountId: string, kind: string, id: string): Promise<Resource | null>;
  /** Oldest first. */
  listResources(accountId: string, kind: string): Promise<readonly Resource[]>;
  deleteResource(accountId: string, kind: string, id: string): Promise<boolean>;
}
