import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type { WebhookDeliveryView as DeliveryView } from '@switchboard/core/contract';
import { Banner } from '../components/banner.js';
import { Field } from '../components/field.js';
import { curlCommand } from './curl-command.js';

export interface DeliveryActionsProps {
  readonly api: ApiClient;
  readonly delivery: DeliveryView;
  readonly onChanged: () => void;
}

/** Retry, replay to another URL, and copy as curl. */
export function DeliveryActions({ api, delivery, onChanged }: DeliveryActionsProps) {
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);
  const [replayUrl, setReplayUrl] = useState('');
  const [mode, setMode] = useState('resign');
  const retry = async () => {
    const result = await api.call('retryWebhookDelivery', { params: { id: delivery.id } });
    setMessage(
      result.ok
        ? { text: 'Retry queued.', kind: 'info' }
        : { text: errorText(result), kind: 'error' },
    );
    onChanged();
  };
  const replay = async (event: Event) => {
    event.preventDefault();
    const result = await api.call('replayWebhookDelivery', {
      params: { id: delivery.id },
      body: { url: replayUrl, mode: mode === 'exact' ? 'exact' : 'resign' },
    });
    const text = result.ok
      ? `Replayed to ${replayUrl}.`
      : replayError(result.status, errorText(result));
    setMessage({ text, kind: result.ok ? 'info' : 'error' });
  };
  const [latest] = delivery.attempts;
  const curl =
    latest === undefined ? null : curlCommand(delivery, latest, delivery.attempts.length);
  return (
    <section class="actions-panel" aria-label="Actions">
      <button type="button" onClick={() => void retry()}>
        Retry
      </button>
      <form
        class="inline"
        aria-label="Replay to another URL"
        onSubmit={(event) => void replay(event)}
      >
        <Field
          id="replay-url"
          label="Replay to URL"
          type="url"
          value={replayUrl}
          onInput={setReplayUrl}
        />
        <Field
          id="replay-mode"
          label="Mode"
          value={mode}
          onInput={setMode}
          options={['resign', 'exact']}
        />
        <button type="submit" disabled={replayUrl === ''}>
          Replay
        </button>
      </form>
      {curl === null ? null : <CopyCurl curl={curl} onResult={setMessage} />}
      <Banner message={message?.text ?? null} kind={message?.kind ?? 'info'} />
    </section>
  );
}

function replayError(status: number, text: string): string {
  return status === 404 ? 'This server has no replay route yet.' : text;
}

interface CopyCurlProps {
  readonly curl: string;
  readonly onResult: (message: { text: string; kind: 'error' | 'info' }) => void;
}

/** Copies to the clipboard; the command is also shown, for when the clipboard is not allowed. */
function CopyCurl({ curl, onResult }: CopyCurlProps) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(curl);
      onResult({ text: 'Copied the curl command.', kind: 'info' });
    } catch {
      onResult({ text: 'The clipboard is not available: copy the command below.', kind: 'error' });
    }
  };
  return (
    <details>
      <summary>Copy as curl</summary>
      <button type="button" onClick={() => void copy()}>
        Copy to clipboard
      </button>
      <pre class="code" tabIndex={0} aria-label="curl command">
        {curl}
      </pre>
    </details>
  );
}
