import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type { CallSummary } from '@switchboard/core/contract';
import { Banner } from '../components/banner.js';
import { CallTable } from '../components/call-table.js';
import { when } from '../components/format.js';
import { usePoll } from '../use-poll.js';
import { InboundCallForm } from './inbound-call-form.js';
import { Softphone } from './softphone.js';

/** The emulator's calls, live, with the chosen call's timeline and a softphone. */
export function CallsPage({ api }: { readonly api: ApiClient }) {
  const [selected, setSelected] = useState<string | null>(null);
  const calls = usePoll(() => api.call('listCalls', {}), 2000, 'calls');
  const apps = usePoll(
    () => api.call('listCallControlApplications', { query: { 'page[size]': 250 } }),
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
      <CallTable
        rows={list.map((call) => ({
          id: call.call_control_id,
          state: <span class={`badge ${call.phase}`}>{call.phase}</span>,
          direction: call.direction,
          from: call.from,
          to: call.to,
          startTime: call.start_time,
        }))}
        stateLabel="State"
        selected={selected}
        onSelect={setSelected}
      />
      {current === null ? null : (
        <div class="call-detail">
          <Softphone api={api} call={current} onChanged={calls.reload} />
          <Timeline api={api} call={current} />
        </div>
      )}
    </section>
  );
}

function Timeline({ api, call }: { readonly api: ApiClient; readonly call: CallSummary }) {
  const path = `/switchboard/calls/${encodeURIComponent(call.call_control_id)}/timeline`;
  const { value } = usePoll(
    () => api.call('getCallTimeline', { params: { call_control_id: call.call_control_id } }),
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
