import type { FastifyRequest } from 'fastify';
import type { Store } from '../storage/store.js';
export interface EmitInput {
  readonly accountId: string;
  readonly eventType: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly occurredAt?: number; // epoch ms; default now
  readonly connectionId?: string; // route via the call control application's webhook settings
  readonly messagingProfileId?: string; // route via the messaging profile's webhook settings
  readonly webhookUrl?: string; // explicit override (per-command webhook_url, per-message webhook_url)
  readonly failoverUrl?: string | null;
  readonly method?: 'POST' | 'GET';
  readonly retrySchedule?: readonly number[]; // webhook_retries_policies[event].retries_ms
}
export interface EmulatorDeps {
  readonly store: Store;
  /** Publishes one webhook through the delivery engine (signed, retried, recorded). */
  emit(input: EmitInput): Promise<void>;
  /** The authenticated account of a request (set by the API's auth hook). */
  accountId(request: FastifyRequest): string;
  now(): number;
  random(): number;
  /** Public base URL of this server, e.g. for recording URLs it serves. */
  readonly baseUrl: string;
}
