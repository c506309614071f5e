import type {
  DeliveryAttemptView as AttemptView,
  WebhookDeliveryView as DeliveryView,
} from '@switchboard/core/contract';
import { JsonView, prettyBody } from '../components/json-view.js';
import { when } from '../components/format.js';
import { StatusBadge } from './deliveries-page.js';
import { requestBody } from './curl-command.js';

export interface AttemptCardProps {
  readonly delivery: DeliveryView;
  readonly attempt: AttemptView;
  /** 1-based try number (`meta.attempt`). */
  readonly number: number;
}

/** One try: request, response and timing, with headers as tables. */
export function AttemptCard({ delivery, attempt, number }: AttemptCardProps) {
  const latency = Date.parse(attempt.finished_at) - Date.parse(attempt.started_at);
  const response = attempt.http.response;
  return (
    <article class="attempt" aria-labelledby={`attempt-${number}`}>
      <h3 id={`attempt-${number}`}>
        Attempt {number} <StatusBadge status={attempt.status} />
      </h3>
      <p>
        {when(attempt.started_at)} · {latency} ms · {attempt.http.request.url}
        {attempt.errors.length > 0 ? ` · errors ${attempt.errors.join(', ')}` : ''}
      </p>
      <div class="columns">
        <div>
          <h4>Request</h4>
          <Headers
            label={`Attempt ${number} request headers`}
            headers={attempt.http.request.headers}
          />
          <JsonView
            label={`Attempt ${number} request body`}
            value={requestBody(delivery, attempt, number)}
          />
        </div>
        <div>
          <h4>Response {response === null ? '' : response.status}</h4>
          {response === null ? (
            <p>
              No response{attempt.errors.length > 0 ? ` (error ${attempt.errors.join(', ')})` : ''}.
            </p>
          ) : (
            <>
              <Headers label={`Attempt ${number} response headers`} headers={response.headers} />
              <pre class="code" tabIndex={0} aria-label={`Attempt ${number} response body`}>
                {prettyBody(response.body)}
              </pre>
            </>
          )}
        </div>
      </div>
    </article>
  );
}

function Headers({
  label,
  headers,
}: {
  readonly label: string;
  readonly headers: readonly (readonly [string, string])[];
}) {
  return (
    <table class="headers" aria-label={label}>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
