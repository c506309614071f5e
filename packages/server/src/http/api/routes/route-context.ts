import type { AppContext } from '../app-deps.js';
import type { Authenticator } from '../authenticator.js';

/** What every route module is registered with. */
export interface RouteContext extends AppContext {
  readonly auth: Authenticator;
}
