import type { ApiClient } from '../api/api-client.js';
import { ResourceSettingsPage } from './resource-settings-page.js';
import type { SettingSpec } from './settings-form.js';

const SPECS: readonly SettingSpec[] = [
  { name: 'name', label: 'Name' },
  { name: 'webhook_url', label: 'Webhook URL', type: 'url' },
  { name: 'webhook_failover_url', label: 'Failover URL', type: 'url' },
  { name: 'webhook_api_version', label: 'API version', options: ['2', '1', '2010-04-01'] },
];

/** Messaging profiles: their webhook settings. */
export function MessagingProfilesPage({ api }: { readonly api: ApiClient }) {
  return (
    <ResourceSettingsPage
      api={api}
      title="Messaging profiles"
      noun="messaging profile"
      path="/v2/messaging_profiles"
      nameField="name"
      specs={SPECS}
      columns={SPECS.slice(1)}
    />
  );
}
