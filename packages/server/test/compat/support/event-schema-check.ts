import { webhookSchemaProblems } from '../../../../core/test/webhook-schemas.js';

/** The schema errors of one webhook body (raw JSON text), after its event type; [] when it conforms. */
export function webhookSchemaErrors(body: string): unknown[] {
  const parsed = JSON.parse(body) as { data?: { event_type?: string } };
  const problems = webhookSchemaProblems(parsed);
  return problems.length === 0 ? [] : [parsed.data?.event_type ?? '', ...problems];
}
