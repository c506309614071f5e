import type { JsonObject } from './json.js';

/**
 * A generic account-owned document (applications, messaging profiles, phone numbers, calls, …).
 * `kind` namespaces ids; `data` is the resource as the API shows it.
 */
export interface Resource {
  readonly accountId: string;
  readonly kind: string;
  readonly id: string;
  readonly data: JsonObject;
  readonly createdAt: number;
  readonly updatedAt: number;
}
