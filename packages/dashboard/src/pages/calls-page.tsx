import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type { CallSummary, ResourceView, TimelineEntry } from '../api/api-types.js';
import { Banner } from '../components/banner.js';
import { when } from '../components/format.js';
import { usePoll } from '../use-poll.js';
import { InboundCallForm } from './inbound-call-form.js';
import { Softphone } from './softphone.js';

/** The emulator's calls, live, with the chosen call's timeline and a softphone. */
export function CallsPage({ api }: { readonly api: ApiClient }) {
  const [selected, setSelected] = useState<string | null>(null);
  const calls = usePoll(() => api.get<CallSummary[]>('/switchboard/calls'), 2000, 'calls');
  const apps = usePoll(
    () => api.get<ResourceView[]>('/v2/call_control_applications?page[size]=250'),
    30_000,
    'apps',
  );
  const list = calls.value?.ok === true ? calls.value.data : [];
  const current = list.find((call) => call.call_control_id === selected) ?? null;
  return (
    <section aria-labelledby="calls-title">
      <h1 id="calls-title">Calls</h1>
      {apps.value?.ok === true ? (
        <InboundCallForm
          api={api}
          applications={apps.value.data}
          onStarted={(call) => {
            setSelected(call.call_control_id);
            calls.reload();
          }}
        />
      ) : null}
      {calls.value !== null && !calls.value.ok ? <Banner message={errorText(calls.value)} /> : null}
      <CallTable calls={list} selected={selected} onSelect={setSelected} />
      {current === null ? null : (
        <div class="call-detail">
          <Softphone api={api} call={current} onChanged={calls.reload} />
          <Timeline api={api} call={current} />
        </div>
      )}
    </section>
  );
}

interface CallTableProps {
  readonly calls: readonly CallSummary[];
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
}

function CallTable({ calls, selected, onSelect }: CallTableProps) {
  if (calls.length === 0) return <p>No calls yet.</p>;
  return (
    <table class="calls">
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Direction</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Started</th>
          <th scope="col">
            <span class="visually-hidden">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr
            key={call.call_control_id}
            aria-selected={call.call_control_id === selected}
            data-call-id={call.call_control_id}
          >
            <td>
              <span class={`badge ${call.phase}`}>{call.phase}</span>
            </td>
            <td>{call.direction}</td>
            <td>{call.from}</td>
            <td>{call.to}</td>
            <td>{when(call.start_time)}</td>
            <td>
              <button
                type="button"
                onClick={() => {
                  onSelect(call.call_control_id);
                }}
              >
                Open <span class="visually-hidden">call from {call.from}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Timeline({ api, call }: { readonly api: ApiClient; readonly call: CallSummary }) {
  const path = `/switchboard/calls/${encodeURIComponent(call.call_control_id)}/timeline`;
  const { value } = usePoll(
    () => api.get<{ timeline: TimelineEntry[] }>(path),
    2000,
    `${path}:${call.phase}`,
  );
  if (value === null) return <p>Loading…</p>;
  if (!value.ok) return <Banner message={errorText(value)} />;
  return (
    <section aria-label="Timeline">
      <h3>Timeline</h3>
      <ol class="timeline">
        {value.data.timeline.map((entry, index) => (
          <li key={`${entry.at}-${index}`} class={entry.kind}>
            <time dateTime={entry.at}>{when(entry.at)}</time>{' '}
            <span class="kind">{entry.kind.replace('_', ' ')}</span> <strong>{entry.name}</strong>
          </li>
        ))}
      </ol>
    </section>
  );
}
