import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText, fieldErrors, type ApiErrorItem } from '../api/api-client.js';
import type { CallResource } from '@switchboard/core/contract';
import type { ResourceView } from './settings-form.js';
import { Banner } from '../components/banner.js';
import { Field } from '../components/field.js';

export interface InboundCallFormProps {
  readonly api: ApiClient;
  readonly applications: readonly ResourceView[];
  readonly onStarted: (call: CallResource) => void;
}

/** Rings one of the account's applications from the softphone. */
export function InboundCallForm({ api, applications, onStarted }: InboundCallFormProps) {
  const [connection, setConnection] = useState(applications[0]?.id ?? '');
  const [from, setFrom] = useState('+13125550001');
  const [to, setTo] = useState('+13125550002');
  const [errors, setErrors] = useState<readonly ApiErrorItem[]>([]);
  const byField = fieldErrors(errors);
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await api.post<CallResource>('/switchboard/simulate/calls', {
      connection_id: connection,
      from,
      to,
    });
    setErrors(result.ok ? [] : result.errors);
    if (result.ok) onStarted(result.data);
  };
  return (
    <form
      class="inline"
      aria-label="Start an inbound call"
      onSubmit={(event) => void submit(event)}
    >
      <Field
        id="call-connection"
        label="Application"
        value={connection}
        onInput={setConnection}
        options={applications.map((app) => app.id)}
        error={byField['connection_id']}
      />
      <Field id="call-from" label="From" value={from} onInput={setFrom} error={byField['from']} />
      <Field id="call-to" label="To" value={to} onInput={setTo} error={byField['to']} />
      <button type="submit" disabled={connection === ''}>
        Start inbound call
      </button>
      <Banner
        message={
          errors.length > 0 && Object.keys(byField).length === 0 ? errorText({ errors }) : null
        }
      />
    </form>
  );
}
