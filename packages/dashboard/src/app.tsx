import { useState } from 'preact/hooks';
import { ApiClient } from './api/api-client.js';
import { Link } from './components/link.js';
import { ApplicationsPage } from './pages/applications-page.js';
import { CallsPage } from './pages/calls-page.js';
import { DeliveriesPage } from './pages/deliveries-page.js';
import { DeliveryDetailPage } from './pages/delivery-detail-page.js';
import { InboxPage } from './pages/inbox-page.js';
import { MessagingProfilesPage } from './pages/messaging-profiles-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { TexmlPage } from './pages/texml-page.js';
import { navigate, useRoute } from './route.js';
import { forgetKey, storedKey, storeKey } from './session.js';

const NAV = [
  ['/', 'Overview'],
  ['/deliveries', 'Deliveries'],
  ['/applications', 'Applications'],
  ['/messaging-profiles', 'Messaging profiles'],
  ['/calls', 'Calls'],
  ['/texml', 'TeXML'],
  ['/inbox', 'Inbox'],
] as const;

/** The shell: sign-in gate, navigation, and the page for the current path. */
export function App() {
  const [key, setKey] = useState(storedKey);
  const path = useRoute();
  if (key === null) {
    return (
      <SignInPage
        onSignedIn={(signedIn) => {
          storeKey(signedIn);
          setKey(signedIn);
        }}
      />
    );
  }
  const api = new ApiClient(key);
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <strong class="brand">Switchboard</strong>
        <nav aria-label="Main">
          {NAV.map(([href, label]) => (
            <Link href={href} current={section(path) === href} key={href}>
              {label}
            </Link>
          ))}
        </nav>
        <button
          type="button"
          onClick={() => {
            forgetKey();
            setKey(null);
            navigate('/');
          }}
        >
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={path} api={api} />
      </main>
    </div>
  );
}

function section(path: string): string {
  const first = path.split('/')[1] ?? '';
  return first === '' ? '/' : `/${first}`;
}

function Page({ path, api }: { readonly path: string; readonly api: ApiClient }) {
  const deliveryId = /^\/deliveries\/([^/]+)$/.exec(path)?.[1];
  if (deliveryId !== undefined)
    return <DeliveryDetailPage api={api} id={decodeURIComponent(deliveryId)} />;
  switch (section(path)) {
    case '/deliveries':
      return <DeliveriesPage api={api} />;
    case '/applications':
      return <ApplicationsPage api={api} />;
    case '/messaging-profiles':
      return <MessagingProfilesPage api={api} />;
    case '/calls':
      return <CallsPage api={api} />;
    case '/texml':
      return <TexmlPage api={api} />;
    case '/inbox':
      return <InboxPage api={api} />;
    case '/':
      return <OverviewPage api={api} />;
    default:
      return (
        <p>
          No such page. <Link href="/">Go to the overview.</Link>
        </p>
      );
  }
}
