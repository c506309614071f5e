import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type { CallSummary } from '../api/api-types.js';
import { Banner } from '../components/banner.js';
import { Field } from '../components/field.js';

export interface SoftphoneProps {
  readonly api: ApiClient;
  readonly call: CallSummary;
  readonly onChanged: () => void;
}

/**
 * The far end of a call: answer, hang up, press digits, speak (the simulator's actions). For an
 * inbound call the app answers; "Answer as the app" sends that Call Control command for
 * developers without a running app.
 */
export function Softphone({ api, call, onChanged }: SoftphoneProps) {
  const [digits, setDigits] = useState('');
  const [speech, setSpeech] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const id = encodeURIComponent(call.call_control_id);
  const send = async (path: string, body: unknown = {}) => {
    const result = await api.post(path, body);
    setMessage(result.ok ? null : errorText(result));
    onChanged();
  };
  const farEnd = (action: string, body: unknown = {}) =>
    send(`/switchboard/simulate/calls/${id}/actions/${action}`, body);
  const ended = call.phase === 'ended';
  return (
    <section class="softphone" aria-label="Softphone">
      <h3>Softphone (far end)</h3>
      <div class="actions">
        <button type="button" disabled={ended} onClick={() => void farEnd('answer')}>
          Answer
        </button>
        <button type="button" disabled={ended} onClick={() => void farEnd('hangup')}>
          Hang up
        </button>
        {call.direction === 'incoming' ? (
          <button
            type="button"
            disabled={ended || call.phase !== 'parked'}
            onClick={() => void send(`/v2/calls/${id}/actions/answer`)}
          >
            Answer as the app
          </button>
        ) : null}
      </div>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void farEnd('dtmf', { digits });
        }}
      >
        <Field id="softphone-digits" label="Digits" value={digits} onInput={setDigits} />
        <button type="submit" disabled={ended || digits === ''}>
          Press digits
        </button>
      </form>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void farEnd('speech', { text: speech });
        }}
      >
        <Field id="softphone-speech" label="Say" value={speech} onInput={setSpeech} />
        <button type="submit" disabled={ended || speech === ''}>
          Speak
        </button>
      </form>
      <Banner message={message} />
    </section>
  );
}
