// Campaigns in the browser: a group imported from a CSV, a campaign over it made with the wizard (its checks beside
// the fields, the duration its pace gives, a bad cron expression refused) and started; its progress bar follows the
// sends live to 100 % while every contact's message reaches the suite's SMTP server; a second campaign is stopped
// mid-run (nothing more is sent) and resumed to the end; the delivery report lists, filters and exports the first.
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

type SentMail = { to: string[]; subject: string; messageId: string };
const mailTo = async (address: string): Promise<SentMail[]> => (await fetch(`${process.env.E2E_MAIL_URL}/?to=${encodeURIComponent(address)}`)).json();
const CONTACTS = 24;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

test('import a group, create and start a campaign with the wizard, watch it finish, stop and resume one, open its report', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const tenant = await bootstrapTenant(baseURL!, 'campaigns');
  const tag = Math.random().toString(36).slice(2, 8);
  const api = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const res = await fetch(`${baseURL}/api/v1${path}`, { method, headers: { 'content-type': contentType, 'x-api-key': tenant.apiKey }, body: typeof body === 'string' ? body : body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  const smtpPort = Number(new URL(process.env.E2E_SMTP_URL!).port);
  await api('POST', '/providers', { name: 'Suite relay', type: 'smtp', serviceFlags: ['email'], host: '127.0.0.1', port: smtpPort, username: 'sink', password: 'secret' });
  const template = await api('POST', '/messages/templates', { name: 'Spring', subject: 'Spring offer for {{firstName}}', body: '<p>Hello {{firstName}}</p>' });
  await api('POST', '/programs/sendemail', { templateId: template.id, name: 'Spring email' });
  await api('POST', '/accounts', { name: 'Service desk', type: 'email', address: `service-${tag}@example.test` });
  const group = await api('POST', '/groups', { name: 'Spring owners' });
  const emails = Array.from({ length: CONTACTS }, (_, i) => `owner${i}-${tag}@example.test`);
  const csv = ['First name,Last name,Phone,Email', ...emails.map((e, i) => `Owner${i},Test,+1512555${String(3000 + i)},${e}`)].join('\n');
  const report = await api('POST', `/groups/${group.id}/csv`, csv, 'text/csv');
  expect(report.imported).toBe(CONTACTS);

  await page.setViewportSize(DESKTOP);
  await signIn(page, tenant.email, tenant.password);
  const org = `/${tenant.organizationId}`;
  let campaignUrl = '';

  await test.step('the empty list offers the wizard', async () => {
    await page.getByRole('link', { name: 'Campaigns' }).first().click();
    await expect(page.getByText('No campaigns yet')).toBeVisible();
    await snap(page, 'campaigns-00-empty');
    await page.getByRole('link', { name: 'New campaign' }).first().click();
    await expect(page).toHaveURL(`${org}/campaigns/new`);
  });

  await test.step('the wizard checks each step beside its fields, shows the group’s size and the duration, refuses a bad cron', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Choose the program to send')).toBeVisible();
    await expect(page.getByText('Choose the group to send it to')).toBeVisible();
    await expect(page.locator('#campaign-program')).toBeFocused();
    await snap(page, 'campaigns-01-wizard-errors');
    // Keyboard only from here: choose with the arrow keys, Enter moves on.
    await page.locator('#campaign-program').selectOption({ label: 'Spring email' });
    await page.locator('#campaign-group').selectOption({ label: `Spring owners (${CONTACTS})` });
    await expect(page.getByText(`${CONTACTS} contacts will receive it`)).toBeVisible();
    await page.locator('#campaign-name').fill(`Spring ${tag}`);
    await page.locator('#campaign-name').press('Enter');
    await expect(page.getByRole('heading', { name: 'Pace' })).toBeFocused();
    await page.locator('#campaign-cpm').fill('0');
    await page.locator('#campaign-cpm').press('Enter');
    await expect(page.getByText('A whole number of messages per minute, at least 1')).toBeVisible();
    await expect(page.locator('#campaign-cpm')).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#campaign-cpm').fill('12');
    await expect(page.getByTestId('campaign-duration')).toHaveText('about 2 min');
    await page.locator('#campaign-cpm').fill('600');
    await expect(page.getByTestId('campaign-duration')).toHaveText('under a minute');
    await page.locator('#campaign-tries').fill('2');
    await snap(page, 'campaigns-02-wizard-pace');
    await page.setViewportSize(PHONE);
    await snap(page, 'campaigns-02-wizard-pace-phone');
    await page.setViewportSize(DESKTOP);
    await page.locator('#campaign-tries').press('Enter');
    await expect(page.getByRole('heading', { name: 'When' })).toBeFocused();
    await page.getByRole('radio', { name: /^On a schedule/ }).check();
    await page.locator('#campaign-cron').fill('61 * * * *');
    await page.getByRole('button', { name: 'Create and schedule' }).click();
    await expect(page.getByText(/^Not a valid cron expression/)).toBeVisible();
    await expect(page.locator('#campaign-cron')).toHaveAttribute('aria-invalid', 'true');
    // Corrected as it is typed: still wrong keeps a message, right takes it away (no need to submit again).
    await page.locator('#campaign-cron').fill('0 9 * *');
    await expect(page.locator('#campaign-cron')).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#campaign-cron').fill('0 9 * * 1-5');
    await expect(page.locator('#campaign-cron')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/^Not a valid cron expression/)).toHaveCount(0);
    await expect(page.getByText(/^Next, in your time: /)).toBeVisible();
    await snap(page, 'campaigns-03-wizard-when');
    await page.getByRole('radio', { name: /^Now/ }).check();
    await page.getByRole('button', { name: 'Create and start' }).click();
    await expect(page).toHaveURL(new RegExp(`${org}/campaigns/[0-9a-f-]{36}$`));
    campaignUrl = new URL(page.url()).pathname;
  });

  await test.step('the progress bar follows the sends to 100 % and every contact gets the message', async () => {
    const bar = page.getByRole('progressbar', { name: 'Campaign progress' });
    await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
    await expect(page.getByTestId('campaign-status')).toHaveText('Completed');
    await expect(page.getByTestId('count-sent')).toHaveText(String(CONTACTS));
    await expect(page.getByText(/cannot be deleted: it has started/)).toBeVisible();
    await expect(page.getByRole('figure', { name: /Sends per minute/ })).toBeVisible();
    for (const e of [emails[0]!, emails[CONTACTS - 1]!]) await expect.poll(async () => (await mailTo(e)).length).toBe(1);
    expect((await mailTo(emails[0]!))[0]!.subject).toBe('Spring offer for Owner0');
    await snap(page, 'campaigns-04-completed');
    await page.setViewportSize(PHONE);
    await snap(page, 'campaigns-04-completed-phone');
    await page.setViewportSize(DESKTOP);
  });

  await test.step('a second campaign stops mid-run, sends nothing more, and resumes to the end', async () => {
    const second = await api('POST', '/campaigns', { name: `Slow ${tag}`, programId: (await api('GET', '/programs')).results[0].id, groupId: group.id, cpm: 40 });
    await page.goto(`${org}/campaigns/${second.id}`);
    await expect(page.getByTestId('campaign-status')).toHaveText('Draft');
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByRole('alertdialog')).toContainText(`${CONTACTS} contacts of Spring owners`);
    await page.getByRole('button', { name: 'Start sending' }).click();
    await expect(page.getByTestId('campaign-status')).toHaveText('Running');
    await expect.poll(async () => Number(await page.getByTestId('count-sent').textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.getByRole('button', { name: 'Stop sending' }).click();
    await expect(page.getByTestId('campaign-status')).toHaveText('Stopped');
    const settled = async () => (await api('GET', `/campaigns/${second.id}`)).counts;
    await expect.poll(async () => (await settled()).processing, { timeout: 15_000 }).toBe(0);
    const atStop = (await settled()).sent;
    expect(atStop).toBeLessThan(CONTACTS);
    await snap(page, 'campaigns-05-stopped');
    await page.waitForTimeout(3_000);
    expect((await settled()).sent, 'nothing more is sent once stopped').toBe(atStop);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByRole('alertdialog')).toContainText(`${CONTACTS - atStop} messages`);
    await page.getByRole('button', { name: 'Resume' }).last().click();
    await expect(page.getByRole('progressbar', { name: 'Campaign progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 90_000 });
    await expect(page.getByTestId('campaign-status')).toHaveText('Completed');
    // Every contact got exactly one message from each campaign: nothing lost at the stop, nothing sent twice.
    for (const e of emails) expect((await mailTo(e)).length, e).toBe(2);
  });

  await test.step('the list shows both with their progress; the report lists, filters and exports the first', async () => {
    await page.goto(`${org}/campaigns`);
    await expect(page.getByRole('progressbar', { name: `Progress of Spring ${tag}` })).toHaveAttribute('aria-valuenow', '100');
    await snap(page, 'campaigns-06-list');
    await page.setViewportSize(PHONE);
    await snap(page, 'campaigns-06-list-phone');
    await page.setViewportSize(DESKTOP);
    await page.goto(campaignUrl);
    await page.getByRole('link', { name: 'Delivery report' }).click();
    await expect(page.getByRole('heading', { name: `${CONTACTS} transmissions` })).toBeVisible();
    await expect(page.getByTestId('report-spool').first()).toContainText('Suite relay');
    await snap(page, 'campaigns-07-report');
    await page.getByRole('searchbox', { name: 'Contact' }).fill(emails[3]!);
    await page.getByRole('searchbox', { name: 'Contact' }).press('Enter');
    await expect(page.getByRole('heading', { name: '1 transmission' })).toBeVisible();
    // The export counts what the file holds: a row per attempt.
    await expect(page.getByText('1 row · one per attempt (or per transmission not yet tried)')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(file, 'utf8')).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(emails[3]);
    expect(lines[1]).toContain('completed');
    await page.setViewportSize(PHONE);
    await snap(page, 'campaigns-07-report-phone');
  });
});
