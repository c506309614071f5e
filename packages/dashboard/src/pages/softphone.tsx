import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type { CallSummary } from '@switchboard/core/contract';
import { Banner } from '../components/banner.js';
import { Field } from '../components/field.js';
import { CallAudioLink, type AudioLinkState } from './call-audio-link.js';

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
      <AudioControls api={api} call={call} onError={setMessage} />
      <Banner message={message} />
    </section>
  );
}

const AUDIO_STATES: Readonly<Record<AudioLinkState, string>> = {
  listening: 'Listening (no microphone)',
  talking: 'Listening and talking',
  closed: 'Not connected',
};

/** Joins the call's audio: hear the call, and talk into it with the microphone. */
function AudioControls({
  api,
  call,
  onError,
}: {
  readonly api: ApiClient;
  readonly call: CallSummary;
  readonly onError: (message: string | null) => void;
}) {
  const link = useRef<CallAudioLink | null>(null);
  const [state, setState] = useState<AudioLinkState>('closed');
  useEffect(
    () => () => {
      void link.current?.close();
      link.current = null;
    },
    [call.call_control_id],
  );
  const connect = async () => {
    const opened = await CallAudioLink.open(api, call.call_control_id, () => {
      link.current = null;
      setState('closed');
    });
    if ('error' in opened) {
      onError(opened.error);
      return;
    }
    link.current = opened.link;
    setState(opened.state);
    onError(null);
  };
  const disconnect = async () => {
    await link.current?.close();
    link.current = null;
    setState('closed');
  };
  return (
    <div class="actions" aria-label="Call audio">
      {state === 'closed' ? (
        <button type="button" disabled={call.phase === 'ended'} onClick={() => void connect()}>
          Connect audio
        </button>
      ) : (
        <button type="button" onClick={() => void disconnect()}>
          Disconnect audio
        </button>
      )}
      <span class="audio-state" role="status">
        {AUDIO_STATES[state]}
      </span>
    </div>
  );
}
