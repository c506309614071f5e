/**
 * The identifiers and clock a template is filled with. Events built from one set of ids belong
 * to the same call (or message), so a test can replay a whole call's sequence.
 */
export interface TemplateIds {
  /** `data.id`; default: a fresh UUID, because receivers de-duplicate on it. */
  readonly eventId?: string;
  /** `data.occurred_at`, and the base for payload times; default: now. */
  readonly occurredAt?: Date;
  readonly callControlId?: string;
  readonly callLegId?: string;
  readonly callSessionId?: string;
  /** The Call Control application id: a numeric string. */
  readonly connectionId?: string;
  /** Base64 `client_state`, echoed back from the command that set it. */
  readonly clientState?: string;
  /** E.164 caller (voice) or sender (messaging). */
  readonly from?: string;
  /** E.164 callee (voice) or recipient (messaging). */
  readonly to?: string;
  /** The conference's `conference_id` (a UUID). */
  readonly conferenceId?: string;
  /** The message's `payload.id`. */
  readonly messageId?: string;
  readonly messagingProfileId?: string;
}

/** Template ids with every default filled in. */
export type ResolvedIds = Required<TemplateIds>;

// Fictional numbers (NXX 555-01XX is reserved for fiction) and ids in the formats Telnyx uses.
const DEFAULTS = {
  callControlId: 'v3:Qm9vdHN0cmFwLXN3aXRjaGJvYXJkLXRlc3QtY2FsbC0wMDAx_aXZ0ZXN0',
  callLegId: '4f3b2a10-6c1d-4e8f-9a7b-0c1d2e3f4a5b',
  callSessionId: '8a9b0c1d-2e3f-4a5b-8c7d-9e0f1a2b3c4d',
  connectionId: '1684641123236054244',
  clientState: 'aGF2ZSBhIG5pY2UgZGF5ID1d',
  from: '+13125550101',
  to: '+13125550142',
  conferenceId: '3c0a5e2b-9d41-4f6a-8b2c-1e7d9f0a4b6c',
  messageId: 'b0c7e8cb-6227-4c74-9f32-c7f80c30934b',
  messagingProfileId: '4001767e-ce0f-4cae-9d5f-0d5e636e7809',
} as const;

/** Fills in defaults; `randomId` and `now` are injected so callers control randomness and time. */
export function resolveIds(ids: TemplateIds, randomId: () => string, now: () => Date): ResolvedIds {
  return { ...DEFAULTS, eventId: randomId(), occurredAt: now(), ...definedOnly(ids) };
}

function definedOnly(ids: TemplateIds): TemplateIds {
  return Object.fromEntries(Object.entries(ids).filter(([, value]) => value !== undefined));
}

/** An ISO timestamp `offsetMs` after the event time (negative: before). */
export function isoAt(ids: ResolvedIds, offsetMs = 0): string {
  return new Date(ids.occurredAt.getTime() + offsetMs).toISOString();
}
