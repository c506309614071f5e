// Placeholder: the full discriminated union over every event type is generated from the OpenAPI
// schemas (see events/*.ts). Until then, events are typed loosely.
export interface TelnyxEventV2 {
  readonly data: {
    readonly record_type: 'event';
    readonly event_type: string;
    readonly id: string;
    readonly occurred_at: string;
    readonly payload: Readonly<Record<string, unknown>>;
  };
  readonly meta?: { readonly attempt: number; readonly delivered_to: string };
}

export type TelnyxEvent = TelnyxEventV2;
