import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type { CaptureView, InboxView } from '@switchboard/core/contract';
import { Banner } from '../components/banner.js';
import { text, when } from '../components/format.js';
import { usePoll } from '../use-poll.js';
import { replayCapture } from './capture-replay.js';

/** Inboxes and their captures: verification result, forward attempts, and replay. */
export function InboxPage({ api }: { readonly api: ApiClient }) {
  const [selected, setSelected] = useState<string | null>(null);
  const { value } = usePoll(() => api.call('listInboxes', {}), 10_000, 'inboxes');
  if (value === null) return <p>Loading…</p>;
  if (!value.ok) {
    const absent = value.status === 404;
    return (
      <section aria-labelledby="inbox-title">
        <h1 id="inbox-title">Inbox</h1>
        <Banner
          kind={absent ? 'info' : 'error'}
          message={
            absent
              ? 'This server has no inboxes (the inbox API is not available).'
              : errorText(value)
          }
        />
      </section>
    );
  }
  const inbox = value.data.find((row) => row.id === selected) ?? value.data[0] ?? null;
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">Inbox</h1>
      {value.data.length === 0 ? (
        <p>No inboxes yet: create one with `switchboard inbox create`.</p>
      ) : null}
      {value.data.length > 0 ? (
        <div class="field">
          <label for="inbox-select">Inbox</label>
          <select
            id="inbox-select"
            value={inbox?.id}
            onInput={(event) => {
              setSelected(event.currentTarget.value);
            }}
          >
            {value.data.map((row) => (
              <option value={row.id} key={row.id}>
                {row.name ?? row.id}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {inbox === null ? null : <Captures api={api} inbox={inbox} />}
    </section>
  );
}

function Captures({ api, inbox }: { readonly api: ApiClient; readonly inbox: InboxView }) {
  const [message, setMessage] = useState<string | null>(null);
  const path = `/switchboard/inboxes/${encodeURIComponent(inbox.id)}/captures?page[size]=50`;
  const { value, reload } = usePoll(
    () => api.call('listCaptures', { params: { id: inbox.id }, query: { 'page[size]': 50 } }),
    2000,
    path,
  );
  if (value === null) return <p>Loading…</p>;
  if (!value.ok) return <Banner message={errorText(value)} />;
  const replay = async (capture: CaptureView) => {
    setMessage(await replayCapture(capture));
    reload();
  };
  return (
    <>
      <p class="muted url">{inbox.url}</p>
      <Banner message={message} kind="info" />
      {value.data.length === 0 ? <p>No captures yet.</p> : null}
      {value.data.map((capture) => (
        <article class="capture" key={capture.id} aria-label={`Capture ${capture.id}`}>
          <h2>
            {capture.method} {capture.event_type ?? ''}{' '}
            <span class="muted">{when(capture.received_at)}</span>
          </h2>
          <p>
            Verification: <strong>{verificationText(capture)}</strong>
          </p>
          <Forwards forwards={capture.forward_attempts} />
          <button type="button" onClick={() => void replay(capture)}>
            Replay into the inbox
          </button>
        </article>
      ))}
    </>
  );
}

function verificationText(capture: CaptureView): string {
  if (capture.verified === true) return 'verified';
  if (capture.verified === false) return `failed (${capture.verification_error ?? 'unknown'})`;
  return 'not checked';
}

function Forwards({ forwards }: { readonly forwards: readonly unknown[] }) {
  if (forwards.length === 0) return <p>Not forwarded yet.</p>;
  return (
    <table aria-label="Forward attempts">
      <thead>
        <tr>
          <th scope="col">URL</th>
          <th scope="col">Status</th>
          <th scope="col">Latency</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {forwards.map((raw, index) => {
          const forward = raw as Record<string, unknown>;
          return (
            <tr key={index}>
              <td class="url">{text(forward['url'], '')}</td>
              <td>{text(forward['status'])}</td>
              <td>{text(forward['latency_ms'])}</td>
              <td>{text(forward['error'], '')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
