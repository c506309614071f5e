import Type, { type Static } from 'typebox';

/** `GET /health` while the store takes writes. */
export const HealthOk = Type.Object({ status: Type.Literal('ok') });

/** `GET /health` (503) while the store refuses writes (disk full, read-only), until one succeeds. */
export const HealthDegraded = Type.Object({
  status: Type.Literal('degraded'),
  storage: Type.Object({ fault: Type.String(), code: Type.String(), since: Type.String() }),
});

/** A plain-text or other non-JSON answer, for the OpenAPI document. */
export function NonJsonResponse(description: string, contentType: string) {
  return { description, content: { [contentType]: { schema: { type: 'string' } } } } as const;
}

/** The health route, for clients to derive typed calls from. */
export const healthRoutes = {
  getHealth: { method: 'GET', url: '/health', response: HealthOk },
} as const;

export type HealthDegraded = Static<typeof HealthDegraded>;
