// Sending in the browser: connect an SMTP provider to the suite's SMTP server and press "Send a test" (the gateway's
// 250 shows), send a template to a contact and watch the transmission reach completed (the message arrives, parsed),
// then a send through a gateway that is down fails and, once the gateway is fixed, "Retry" delivers it.
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

type SentMail = { to: string[]; subject: string; html: string; messageId: string };
const mailTo = async (address: string): Promise<SentMail[]> => (await fetch(`${process.env.E2E_MAIL_URL}/?to=${encodeURIComponent(address)}`)).json();

test('connect an SMTP provider, test it, send a message, retry a failed one', async ({ page, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'sending');
  const smtpPort = new URL(process.env.E2E_SMTP_URL!).port;
  const tag = Math.random().toString(36).slice(2, 8);
  const contactEmail = `ada-${tag}@example.test`;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseURL}/api/v1${path}`, { method, headers: { 'content-type': 'application/json', 'x-api-key': tenant.apiKey }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  await api('POST', '/contacts', { firstName: 'Ada', lastName: 'Lovelace', phone: '+15125550142', email: contactEmail });
  const template = await api('POST', '/messages/templates', { name: 'Welcome', subject: 'Welcome, {{firstName}}', body: '<p>Hello {{firstName}} {{lastName}}</p>' });
  await api('POST', '/programs/sendemail', { templateId: template.id, name: 'Welcome email' });
  await api('POST', '/accounts', { name: 'Sales', type: 'email', address: `sales-${tag}@example.test` });

  await signIn(page, tenant.email, tenant.password);
  const org = `/${tenant.organizationId}`;

  await test.step('add an SMTP provider pointing at the test’s SMTP server and send a test', async () => {
    await page.goto(`${org}/settings/providers`);
    await expect(page.getByText('No providers yet')).toBeVisible();
    await page.locator('#provider-type').selectOption('smtp');
    await page.locator('#provider-name').fill('Test relay');
    await page.locator('#provider-host').fill('127.0.0.1');
    await page.locator('#provider-port').fill(smtpPort);
    await page.locator('#provider-username').fill('sink');
    await page.locator('#provider-password').fill('secret');
    await snap(page, 'transmissions-00-provider-form');
    await page.getByRole('button', { name: 'Add provider' }).click();
    await expect(page.getByRole('cell', { name: /Test relay/ }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Send a test through Test relay' }).click();
    await page.locator('#test-to').fill(`test-${tag}@example.test`);
    await page.getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByText(/^Accepted by the gateway/)).toBeVisible();
    await expect(page.getByText(/"response": "250/)).toBeVisible();
    await snap(page, 'transmissions-01-provider-test', { fullPage: false });
    await expect.poll(async () => (await mailTo(`test-${tag}@example.test`)).length).toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();
    await snap(page, 'transmissions-02-providers');
  });

  await test.step('send the welcome email to Ada and watch it complete', async () => {
    await page.goto(`${org}/transmissions`);
    await page.locator('#tx-program').selectOption({ label: 'Welcome email' });
    await page.locator('#tx-contact').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.getByTestId('transmission-status')).toHaveText('Completed', { timeout: 30_000 });
    await expect(page.getByTestId('spool-row')).toHaveCount(1);
    const mail = (await mailTo(contactEmail))[0]!;
    expect(mail.subject).toBe('Welcome, Ada');
    expect(mail.html).toContain('Hello Ada Lovelace');
    expect(mail.messageId).toMatch(/@pitchcraft\.mail>$/);
    await snap(page, 'transmissions-03-completed');
  });

  await test.step('a send through a gateway that is down fails; fixed, Retry delivers it', async () => {
    const providers = await api('GET', '/providers');
    const provider = providers.results[0];
    await api('PUT', `/providers/${provider.id}`, { name: provider.name, type: 'smtp', serviceFlags: ['email'], host: '127.0.0.1', port: 9, username: 'sink', settings: { timeoutSeconds: 2 } });
    await page.goto(`${org}/transmissions`);
    await page.locator('#tx-program').selectOption({ label: 'Welcome email' });
    await page.locator('#tx-contact').selectOption({ index: 1 });
    await page.locator('#tx-title').fill('Second welcome');
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.getByTestId('transmission-status')).toHaveText('Failed', { timeout: 30_000 });
    await expect(page.getByText(/could not be reached/).first()).toBeVisible();
    await snap(page, 'transmissions-04-failed');
    await api('PUT', `/providers/${provider.id}`, { name: provider.name, type: 'smtp', serviceFlags: ['email'], host: '127.0.0.1', port: Number(smtpPort), username: 'sink' });
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('transmission-status')).toHaveText('Completed', { timeout: 30_000 });
    await expect(page.getByTestId('spool-row')).toHaveCount(2);
    await expect.poll(async () => (await mailTo(contactEmail)).length).toBe(2);
    await snap(page, 'transmissions-05-retried');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'transmissions-05-retried-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${org}/transmissions`);
    await expect(page.getByRole('link', { name: 'Second welcome' })).toBeVisible();
    await snap(page, 'transmissions-06-list');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'transmissions-06-list-phone');
  });
});
