import { CALL_CONTROL_APPLICATION_KIND } from '../api/call-control-applications/call-control-application-spec.js';
import type { Account, DeliveryTarget, Json, JsonObject, Store } from '../storage/store.js';

/** Where an event should go, as the publisher asked. */
export interface TargetRequest {
  /** Route through this call control application's webhook settings. */
  readonly connectionId?: string;
  /** Explicit URL; wins over the application's. */
  readonly webhookUrl?: string;
  /** Explicit failover (`null` or `""`: none). Without it, an explicit URL has no failover. */
  readonly failoverUrl?: string | null;
  readonly method?: 'POST' | 'GET';
  readonly retrySchedule?: readonly number[] | null;
}

export type TargetResolution =
  | { readonly ok: true; readonly target: DeliveryTarget }
  | { readonly ok: false; readonly reason: 'unknown_connection' | 'no_target' };

/**
 * Turns a publish request into a fixed delivery target. `timeoutMs` 0 means "the worker's
 * default", so changing the server default later also applies to queued deliveries.
 */
export async function resolveTarget(
  store: Store,
  account: Account,
  request: TargetRequest,
): Promise<TargetResolution> {
  const app = request.connectionId === undefined ? null : await application(store, account, request.connectionId);
  if (request.connectionId !== undefined && app === null) return { ok: false, reason: 'unknown_connection' };
  const url = request.webhookUrl ?? text(app?.['webhook_event_url']);
  if (url === null) return { ok: false, reason: 'no_target' };
  const failover = request.webhookUrl === undefined ? text(app?.['webhook_event_failover_url']) : null;
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
  };
}

async function application(store: Store, account: Account, id: string): Promise<JsonObject | null> {
  const resource = await store.getResource(account.id, CALL_CONTROL_APPLICATION_KIND, id);
  return resource?.data ?? null;
}

function text(value: Json | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function timeoutMs(secs: Json | undefined): number {
  return typeof secs === 'number' && secs > 0 ? secs * 1000 : 0;
}
