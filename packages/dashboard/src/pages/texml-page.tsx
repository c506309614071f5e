import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type { CallResource } from '@switchboard/core/contract';
import type { ResourceView } from './settings-form.js';
import { Banner } from '../components/banner.js';
import { CallTable } from '../components/call-table.js';
import { Field } from '../components/field.js';
import { when } from '../components/format.js';
import { usePoll } from '../use-poll.js';
import { ResourceSettingsPage } from './resource-settings-page.js';
import type { SettingSpec } from './settings-form.js';

const SPECS: readonly SettingSpec[] = [
  { name: 'friendly_name', label: 'Name' },
  { name: 'voice_url', label: 'Voice URL', type: 'url' },
  { name: 'voice_method', label: 'Voice method', options: ['post', 'get'] },
  { name: 'voice_fallback_url', label: 'Fallback URL', type: 'url' },
  { name: 'status_callback', label: 'Status callback', type: 'url' },
];

/** TeXML applications, a form to call one, and each call's requests and documents in order. */
export function TexmlPage({ api }: { readonly api: ApiClient }) {
  const [selected, setSelected] = useState<string | null>(null);
  const calls = usePoll(() => api.call('listTexmlDashboardCalls', {}), 2000, 'texml');
  const apps = usePoll(
    () => api.get<ResourceView[]>('/v2/texml_applications?page[size]=250'),
    5000,
    'texml-apps',
  );
  const list = calls.value?.ok === true ? calls.value.data : [];
  return (
    <section aria-labelledby="texml-title">
      <ResourceSettingsPage
        api={api}
        title="TeXML applications"
        noun="TeXML application"
        path="/v2/texml_applications"
        nameField="friendly_name"
        specs={SPECS}
        columns={SPECS.slice(1, 3)}
      />
      <h2 id="texml-title">TeXML calls</h2>
      {apps.value?.ok === true ? (
        <TexmlCallForm
          api={api}
          applications={apps.value.data}
          onStarted={(sid) => {
            setSelected(sid);
            calls.reload();
          }}
        />
      ) : null}
      {calls.value !== null && !calls.value.ok ? <Banner message={errorText(calls.value)} /> : null}
      <CallTable
        rows={list.map((call) => ({
          id: call.sid,
          state: call.status,
          direction: call.direction,
          from: call.from,
          to: call.to,
          startTime: call.start_time,
        }))}
        stateLabel="Status"
        selected={selected}
        onSelect={setSelected}
      />
      {selected === null ? null : <CallLog api={api} sid={selected} />}
    </section>
  );
}

interface TexmlCallFormProps {
  readonly api: ApiClient;
  readonly applications: readonly ResourceView[];
  readonly onStarted: (sid: string) => void;
}

/** Rings a TeXML application; the digits are the caller's answer to each Gather in turn. */
function TexmlCallForm({ api, applications, onStarted }: TexmlCallFormProps) {
  const [connection, setConnection] = useState(applications[0]?.id ?? '');
  const [from, setFrom] = useState('+14155550100');
  const [to, setTo] = useState('+13125557000');
  const [digits, setDigits] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const script = digits
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((dtmf) => ({ dtmf }));
    const result = await api.post<CallResource>('/switchboard/simulate/calls', {
      connection_id: connection,
      from,
      to,
      script,
    });
    setError(result.ok ? null : errorText(result));
    if (result.ok) onStarted(result.data.call_control_id);
  };
  return (
    <form
      class="inline"
      aria-label="Call a TeXML application"
      onSubmit={(event) => void submit(event)}
    >
      <Field
        id="texml-connection"
        label="Application"
        value={connection}
        onInput={setConnection}
        options={applications.map((app) => app.id)}
      />
      <Field id="texml-from" label="From" value={from} onInput={setFrom} />
      <Field id="texml-to" label="To" value={to} onInput={setTo} />
      <Field id="texml-digits" label="Keys per Gather (1,#)" value={digits} onInput={setDigits} />
      <button type="submit" disabled={connection === ''}>
        Call
      </button>
      <Banner message={error} />
    </form>
  );
}

/** The call's requests, documents and verbs, in the order they happened. */
function CallLog({ api, sid }: { readonly api: ApiClient; readonly sid: string }) {
  const path = `/switchboard/texml/calls/${encodeURIComponent(sid)}`;
  const { value } = usePoll(
    () => api.call('getTexmlDashboardCall', { params: { id: sid } }),
    2000,
    path,
  );
  if (value === null) return <p>Loading…</p>;
  if (!value.ok) return <Banner message={errorText(value)} />;
  return (
    <section aria-label="TeXML call log">
      <h3>Requests and documents</h3>
      <ol class="timeline">
        {value.data.log.map((entry, index) => (
          <li key={`${entry.at}-${index}`} class={entry.kind}>
            <time dateTime={entry.at}>{when(entry.at)}</time> <span class="kind">{entry.kind}</span>{' '}
            <strong>{entry.text}</strong>
            {entry.document === undefined ? null : (
              <details>
                <summary>Document</summary>
                <pre>{entry.document}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
