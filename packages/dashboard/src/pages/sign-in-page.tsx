import { useState } from 'preact/hooks';
import { ApiClient, errorText } from '../api/api-client.js';
import { Banner } from '../components/banner.js';
import { Field } from '../components/field.js';

export interface SignInPageProps {
  readonly onSignedIn: (key: string) => void;
}

/** Asks for an API key and checks it against the API before keeping it. */
export function SignInPage({ onSignedIn }: SignInPageProps) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await new ApiClient(key.trim()).call('listWebhookDeliveries', {
      query: { 'page[size]': 1 },
    });
    setBusy(false);
    if (result.ok) onSignedIn(key.trim());
    else setError(result.status === 401 ? 'That API key was not accepted.' : errorText(result));
  };
  return (
    <main id="main" class="sign-in">
      <h1>Switchboard</h1>
      <form onSubmit={(event) => void submit(event)}>
        <Field
          id="api-key"
          label="API key"
          type="password"
          value={key}
          onInput={setKey}
          hint="`switchboard serve` prints it, and writes it to api-key in the data dir."
        />
        <Banner message={error} />
        <button type="submit" disabled={busy || key.trim() === ''}>
          Sign in
        </button>
      </form>
    </main>
  );
}
