import {
  CALL_CONTROL_APPLICATION_KIND,
  MESSAGING_PROFILE_KIND,
} from '../../storage/resource-kinds.js';
import { chaosProfileOf, type ChaosProfile } from '../delivery/chaos/chaos-profile.js';
import type { Account } from '../../storage/account-store.js';
import type { DeliveryTarget } from '../../storage/delivery-records.js';
import type { Json, JsonObject } from '../../storage/json.js';
import type { ResourceStore } from '../../storage/resource-store.js';

/** Where an event should go, as the publisher asked. */
export interface TargetRequest {
  /** Route through this call control application's webhook settings. */
  readonly connectionId?: string;
  /** Route through this messaging profile's webhook settings (`webhook_url`, `webhook_failover_url`). */
  readonly messagingProfileId?: string;
  /** Explicit URL; wins over the application's. */
  readonly webhookUrl?: string;
  /** Explicit failover (`null` or `""`: none). Without it, an explicit URL has no failover. */
  readonly failoverUrl?: string | null;
  readonly method?: 'POST' | 'GET';
  readonly retrySchedule?: readonly number[] | null;
  /** Faults to inject for this event; wins over the application's or profile's `switchboard_chaos`. */
  readonly chaos?: ChaosProfile;
}

/** A request's fixed delivery target, and the faults to inject, if any. */
export interface ResolvedTarget {
  readonly ok: true;
  readonly target: DeliveryTarget;
  readonly chaos: ChaosProfile | null;
}

export type TargetResolution =
  ResolvedTarget | { readonly ok: false; readonly reason: 'unknown_connection' | 'no_target' };

/** What resolving a target reads: the application or messaging profile a request names. */
export type ResourceReader = Pick<ResourceStore, 'getResource'>;

/**
 * Turns a publish request into a fixed delivery target. `timeoutMs` 0 means "the worker's
 * default", so changing the server default later also applies to queued deliveries.
 */
export async function resolveTarget(
  store: ResourceReader,
  account: Account,
  request: TargetRequest,
): Promise<TargetResolution> {
  const owner = await owningSettings(store, account, request);
  if (owner === undefined) return { ok: false, reason: 'unknown_connection' };
  const app = owner?.settings ?? null;
  const url = request.webhookUrl ?? text(app?.[owner?.urlField ?? '']);
  if (url === null) return { ok: false, reason: 'no_target' };
  const failover =
    request.webhookUrl === undefined ? text(app?.[owner?.failoverField ?? '']) : null;
  return {
    ok: true,
    target: {
      url,
      failoverUrl: request.failoverUrl === undefined ? failover : request.failoverUrl || null,
      method: request.method ?? 'POST',
      apiVersion: app?.['webhook_api_version'] === '1' ? '1' : '2',
      timeoutMs: timeoutMs(app?.['webhook_timeout_secs']),
      retrySchedule: request.retrySchedule ?? null,
      bodyFormat: account.settings['webhook_body_format'] === 'compact' ? 'compact' : 'telnyx',
    },
    chaos: request.chaos ?? chaosProfileOf(app?.['switchboard_chaos']),
  };
}

interface OwnerSettings {
  readonly settings: JsonObject;
  readonly urlField: string;
  readonly failoverField: string;
}

/**
 * The application or messaging profile whose webhook settings apply: null when the request names
 * neither, undefined when it names one the account does not have.
 */
async function owningSettings(
  store: ResourceReader,
  account: Account,
  request: TargetRequest,
): Promise<OwnerSettings | null | undefined> {
  if (request.connectionId !== undefined) {
    const app = await store.getResource(
      account.id,
      CALL_CONTROL_APPLICATION_KIND,
      request.connectionId,
    );
    if (app === null) return undefined;
    return {
      settings: app.data,
      urlField: 'webhook_event_url',
      failoverField: 'webhook_event_failover_url',
    };
  }
  if (request.messagingProfileId !== undefined) {
    const profile = await store.getResource(
      account.id,
      MESSAGING_PROFILE_KIND,
      request.messagingProfileId,
    );
    if (profile === null) return undefined;
    return {
      settings: profile.data,
      urlField: 'webhook_url',
      failoverField: 'webhook_failover_url',
    };
  }
  return null;
}

function text(value: Json | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function timeoutMs(secs: Json | undefined): number {
  return typeof secs === 'number' && secs > 0 ? secs * 1000 : 0;
}
