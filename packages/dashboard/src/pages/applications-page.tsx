import type { ApiClient } from '../api/api-client.js';
import { ResourceSettingsPage } from './resource-settings-page.js';
import type { SettingSpec } from './settings-form.js';

const SPECS: readonly SettingSpec[] = [
  { name: 'application_name', label: 'Name' },
  { name: 'webhook_event_url', label: 'Webhook URL', type: 'url' },
  { name: 'webhook_event_failover_url', label: 'Failover URL', type: 'url' },
  { name: 'webhook_api_version', label: 'API version', options: ['2', '1'] },
  {
    name: 'webhook_timeout_secs',
    label: 'Timeout (seconds)',
    type: 'number',
    hint: '0 to 30; blank for the server default',
  },
];

/** Call Control applications: their webhook settings. */
export function ApplicationsPage({ api }: { readonly api: ApiClient }) {
  return (
    <ResourceSettingsPage
      api={api}
      title="Call Control applications"
      noun="application"
      path="/v2/call_control_applications"
      nameField="application_name"
      specs={SPECS}
      columns={SPECS.slice(1)}
    />
  );
}
