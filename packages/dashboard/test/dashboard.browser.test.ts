import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium.js';
import { watchConsole } from './support/console-errors.js';
import { startTestServer, type TestServer } from './support/dashboard-server.js';
import { startFlakyReceiver, type FlakyReceiver } from './support/flaky-receiver.js';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
/** A browser flow waits on polls (every 2 s); its own bound, above the 30 s default. */
const FLOW_MS = 60_000;

/** One server, one browser, one page for the whole file; the tests run in order. */
describe.skipIf(!chromiumAvailable())('dashboard in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let console: ReturnType<typeof watchConsole>;
  let receiver: FlakyReceiver;
  let appId: string;
  const started: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    started.push(server);
    browser = await launchChromium();
    started.push(browser);
    receiver = await startFlakyReceiver(2);
    started.push(receiver);
    const app = await server.api<{ data: { id: string } }>(
      'POST',
      '/v2/call_control_applications',
      {
        application_name: 'Support line',
        webhook_event_url: `${receiver.url}/calls`,
      },
    );
    appId = app.data.id;
    await server.api('POST', '/v2/messaging_profiles', {
      name: 'Notifications',
      webhook_url: `${receiver.url}/sms`,
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    console = watchConsole(page);
  });

  afterAll(async () => {
    // Whatever started is stopped, even when a later part of beforeAll failed.
    await Promise.all(started.map((resource) => resource.close()));
  });

  const shot = (name: string) =>
    page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  const go = async (label: string) => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: label, exact: true })
      .click();
  };

  it(
    'refuses a wrong key, then signs in with the API key using the keyboard',
    async () => {
      await page.goto(server.server.url);
      const key = page.getByLabel('API key');
      await key.fill('KEYwrong');
      await key.press('Enter');
      await page
        .getByRole('alert')
        .filter({ hasText: 'That API key was not accepted.' })
        .waitFor(WAIT);
      await shot('sign-in');
      await key.fill(server.apiKey);
      await key.press('Enter');
      await page.getByRole('heading', { name: 'Overview' }).waitFor(WAIT);
      console.take();
    },
    FLOW_MS,
  );

  it(
    'shows a failing delivery live, then retries it from its page until delivered',
    async () => {
      await go('Deliveries');
      await page.getByText('No deliveries match.').waitFor(WAIT);
      await server.api('POST', '/switchboard/events', {
        event_type: 'call.initiated',
        webhook_url: receiver.url,
        payload: { call_control_id: 'v3:dashboard-test' },
      });
      const row = page.locator('tbody tr', { hasText: 'call.initiated' });
      await row.locator('.badge', { hasText: 'retrying' }).waitFor(WAIT);
      expect(await row.textContent()).toContain('500');
      await shot('deliveries');
      await row.getByRole('link', { name: 'call.initiated' }).click();
      await page.getByRole('heading', { name: /call\.initiated/ }).waitFor(WAIT);
      await page.getByRole('heading', { name: 'Attempt 1' }).waitFor(WAIT);
      for (let tries = 0; tries < 5; tries++) {
        // The receiver answers 200 from its third request on: a third send needs no more retries,
        // even while the page has not yet polled the delivered status.
        if (receiver.count() >= 3) break;
        if ((await page.locator('h1 .badge').textContent()) === 'delivered') break;
        await page.getByRole('button', { name: 'Retry' }).click();
        await page.getByText('Retry queued.').waitFor(WAIT);
        await page.getByRole('heading', { name: `Attempt ${tries + 2}` }).waitFor(WAIT);
      }
      await page.locator('h1 .badge', { hasText: 'delivered' }).waitFor(WAIT);
      expect(receiver.count()).toBe(3);
      await page.getByText('Copy as curl').click();
      expect(await page.getByLabel('curl command').textContent()).toContain(
        `curl -X POST '${receiver.url}'`,
      );
      await shot('delivery-detail');
      expect(console.take().filter((p) => !p.text.includes('status of 5'))).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    "edits an application's timeout, showing the API's 422 next to the field",
    async () => {
      await go('Applications');
      await page.getByRole('button', { name: 'Edit Support line' }).click();
      const timeout = page.getByLabel('Timeout (seconds)');
      await timeout.fill('31');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const error = page.locator('#application-webhook_timeout_secs-error');
      await error.waitFor(WAIT);
      expect(await error.textContent()).toContain('webhook_timeout_secs');
      expect(await timeout.getAttribute('aria-invalid')).toBe('true');
      await shot('applications-422');
      console.take();
      await timeout.fill('12');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Saved.').waitFor(WAIT);
      const stored = await server.api<{ data: { webhook_timeout_secs: number } }>(
        'GET',
        `/v2/call_control_applications/${appId}`,
      );
      expect(stored.data.webhook_timeout_secs).toBe(12);
      await shot('applications');
    },
    FLOW_MS,
  );

  it(
    'drives a simulated inbound call from the softphone through to hangup',
    async () => {
      await go('Calls');
      await page.getByRole('button', { name: 'Start inbound call' }).click();
      const row = page.locator('tbody tr[data-call-id]').first();
      await row.locator('.badge', { hasText: 'parked' }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Answer as the app' }).click();
      await row.locator('.badge', { hasText: 'answered' }).waitFor(WAIT);
      await page.getByLabel('Digits').fill('42#');
      await page.getByRole('button', { name: 'Press digits' }).click();
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.locator('li.far_end', { hasText: 'dtmf' }).waitFor(WAIT);
      await timeline.getByText('call.dtmf.received', { exact: true }).first().waitFor(WAIT);
      await page.getByRole('button', { name: 'Hang up' }).click();
      await row.locator('.badge', { hasText: 'ended' }).waitFor(WAIT);
      await timeline.getByText('call.hangup', { exact: true }).waitFor(WAIT);
      expect(await timeline.textContent()).toContain('call.initiated');
      expect(await timeline.textContent()).toContain('call.answered');
      await shot('calls');
      expect(console.take()).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'lists inbox captures with their verification, and replays one into the inbox',
    async () => {
      const inbox = await server.api<{ data: { url: string } }>('POST', '/switchboard/inboxes', {
        name: 'Laptop',
      });
      const sent = await fetch(inbox.data.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { event_type: 'message.received', payload: {} } }),
      });
      expect(sent.status).toBe(200);
      await go('Inbox');
      const captures = page.getByRole('article');
      await captures.first().getByText('not checked').waitFor(WAIT);
      await captures.first().getByRole('button', { name: 'Replay into the inbox' }).click();
      await page.getByText('Replayed: the inbox answered 200.').waitFor(WAIT);
      await captures.nth(1).waitFor(WAIT);
      expect(console.take()).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'shows every page without console errors',
    async () => {
      const pages = [
        ['Overview', 'overview'],
        ['Deliveries', 'deliveries'],
        ['Applications', 'applications'],
        ['Messaging profiles', 'messaging-profiles'],
        ['Calls', 'calls'],
        ['TeXML', 'texml'],
        ['Inbox', 'inbox'],
      ] as const;
      for (const [label, name] of pages) {
        await page.goto(`${server.server.url}/${name === 'overview' ? '' : name}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor(WAIT);
        await page.waitForLoadState('networkidle');
        if (name === 'overview' || name === 'messaging-profiles' || name === 'inbox')
          await shot(name);
        const problems = console.take().filter((problem) => !absentInboxApi(problem));
        expect({ page: label, problems }).toEqual({ page: label, problems: [] });
      }
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Overview' })
        .focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Overview' }).waitFor(WAIT);
    },
    FLOW_MS,
  );
});

/** The inbox API is a separate feature; without it the Inbox page says so instead of failing. */
function absentInboxApi(problem: { text: string; url: string }): boolean {
  return problem.text.includes('status of 404') && problem.url.includes('/switchboard/inboxes');
}
