// The coaching journey: a manager invites a rep (the email arrives over real SMTP and its link is followed), the rep
// joins, records a pitch with Chromium's fake microphone and a given transcript, reviews it and seeks by clicking a
// filler; the manager's open dashboard shows the new session without a reload.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { makeWav } from '../../server/test/wav';
import { firstLink, readMail } from '../fixtures/mail-sink';
import { bootstrapTenant } from '../fixtures/tenant';
import { guardConsole } from './console-guard';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

const TRANSCRIPT = `WEBVTT

00:00.200 --> 00:02.400
Hi Sam, thanks for picking up the keys today.

00:02.600 --> 00:05.000
Um, our extended warranty gives you peace of mind

00:05.200 --> 00:07.600
with full coverage for seven years.
`;

/** Desktop and phone pictures of what the user sees, and a check that the phone view does not scroll sideways. */
async function snapBoth(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 900 });
  await snap(page, `${name}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} fits a phone`).toBeLessThanOrEqual(0);
  await snap(page, `${name}-phone`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('a manager invites a rep, the rep records and reviews a pitch, the dashboard updates live', async ({ browser, baseURL, request }) => {
  test.setTimeout(240_000);
  const tenant = await bootstrapTenant(baseURL!, 'journey');
  const headers = { 'x-api-key': tenant.apiKey };
  const product = await (await request.post('/api/v1/products', { headers, data: { name: 'Extended Warranty' } })).json();
  const made = await (
    await request.post(`/api/v1/products/${product.id}/modules`, {
      headers,
      data: { name: 'Opening the conversation', instructions: ['Greet the customer', 'Offer peace of mind'], keywords: ['peace of mind', 'coverage'], targetTime: 20 },
    })
  ).json();
  expect(made.id).toBeTruthy();
  const team = await (await request.post('/api/v1/teams', { headers, data: { name: 'Showroom Floor' } })).json();
  const repEmail = `rep-${Date.now()}@example.test`;

  const manager = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  const managerProblems = guardConsole(manager);
  await signIn(manager, tenant.email, tenant.password);

  await test.step('the manager invites the rep from the team settings', async () => {
    await manager.goto(`/${tenant.organizationId}/teams/${team.id}/settings`);
    await expect(manager.getByRole('heading', { name: 'Showroom Floor' })).toBeVisible();
    await manager.getByLabel('Email 1').fill('not an address');
    await manager.getByRole('button', { name: 'Send invite' }).click();
    await expect(manager.getByText('Enter an email address, like name@company.com')).toBeVisible();
    await manager.getByLabel('Email 1').fill(repEmail);
    await manager.getByRole('button', { name: 'Send invite' }).click();
    await expect(manager.getByText('1 invite sent to join Showroom Floor')).toBeVisible();
    await expect(manager.getByRole('table', { name: 'Pending invites' }).getByRole('cell', { name: repEmail, exact: true })).toBeVisible();
    await snapBoth(manager, 'coaching-01-team-settings');
  });

  let link = '';
  await test.step('the invitation arrives over SMTP with its link', async () => {
    const mail = await readMail(repEmail, { subject: /Join Showroom Floor/ });
    link = firstLink(mail)!;
    expect(link).toMatch(new RegExp(`^${baseURL}/invite/inv_`));
    expect(mail.html).toContain(`href="${link}"`);
  });

  let dashboardLoads = 0;
  await test.step('the manager opens the team dashboard and leaves it open', async () => {
    await manager.goto(`/${tenant.organizationId}/teams/${team.id}`);
    await expect(manager.getByRole('heading', { name: 'Showroom Floor' })).toBeVisible();
    await expect(manager.getByRole('row', { name: /Riley Rookie/ })).toHaveCount(0);
    manager.on('framenavigated', (frame) => frame === manager.mainFrame() && dashboardLoads++);
  });

  // The rep's own browser, with a microphone that plays a WAV the test made.
  const wavPath = path.join(os.tmpdir(), `pitchcraft-fake-mic-${process.pid}.wav`);
  writeFileSync(wavPath, makeWav({ seconds: 8, sampleRate: 48_000 }));
  const repBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${wavPath}`, '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const repContext = await repBrowser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, permissions: ['microphone'] });
    const rep = await repContext.newPage();
    const repProblems = guardConsole(rep);

    const ranges: { range: string; status: number }[] = [];
    await test.step('the rep follows the link and joins with a new account', async () => {
      await rep.goto(link);
      await expect(rep.getByRole('heading', { name: 'Join Showroom Floor' })).toBeVisible();
      await expect(rep.getByText(repEmail)).toBeVisible();
      await snapBoth(rep, 'coaching-02-invite');
      await rep.getByLabel('First name').fill('Riley');
      await rep.getByLabel('Last name').fill('Rookie');
      await rep.getByLabel('Choose a password').fill('practice makes perfect');
      await rep.getByRole('button', { name: 'Create account and join' }).click();
      await expect(rep.getByRole('heading', { name: 'Welcome, Riley' })).toBeVisible({ timeout: 20_000 });
      // Used once: the same link now says so.
      await rep.goto(link);
      await expect(rep.getByRole('heading', { name: 'This invite was already used' })).toBeVisible();
    });

    await test.step('the rep records a pitch with the microphone', async () => {
      await rep.goto(`/${tenant.organizationId}/practice`);
      await rep.getByRole('link', { name: /Opening the conversation/ }).click();
      await expect(rep.getByRole('heading', { name: 'Opening the conversation' })).toBeVisible();
      await rep.getByRole('button', { name: 'Start recording' }).click();
      await expect(rep.getByText('Recording', { exact: true })).toBeVisible();
      // The fake microphone plays a voice-like tone: the meter moves.
      await expect.poll(async () => Number(await rep.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(20);
      await rep.waitForTimeout(4000);
      await snapBoth(rep, 'coaching-03-recording');
      await rep.getByRole('button', { name: 'Stop' }).click();
      await expect(rep.getByLabel('Your recording')).toBeVisible();
      const card = rep.getByRole('region', { name: 'Record your pitch' });
      await card.getByRole('textbox', { name: /^What you said/ }).fill(TRANSCRIPT);
      await card.getByRole('textbox', { name: /^Opportunity/ }).fill('Walk-in, new SUV');
      await snapBoth(rep, 'coaching-04-recorded');
      rep.on('response', (r) => r.url().endsWith('/audio') && r.request().headers().range && ranges.push({ range: r.request().headers().range!, status: r.status() }));
      await rep.getByRole('button', { name: 'Submit for scoring' }).click();
      await expect(rep).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
    });

    await test.step('the manager’s open dashboard shows the new session without a reload', async () => {
      const row = manager.getByRole('row', { name: /Riley Rookie/ });
      await expect(row).toBeVisible({ timeout: 20_000 });
      await expect(manager.getByText('New session from Riley Rookie')).toBeVisible();
      await expect(row.getByRole('cell').nth(2)).toHaveText('1');
      expect(dashboardLoads, 'the dashboard was not reloaded').toBe(0);
      await snapBoth(manager, 'coaching-06-dashboard-live');
      await row.getByRole('link', { name: /Riley Rookie/ }).click();
      await expect(manager.getByRole('heading', { name: 'Riley Rookie' })).toBeVisible();
      await expect(manager.getByRole('table', { name: 'Sessions' }).getByRole('row')).toHaveCount(2);
      await snapBoth(manager, 'coaching-07-member-sessions');
    });

    await test.step('the review shows the score, and clicking a filler seeks the recording', async () => {
      await expect(rep.getByRole('heading', { name: 'Opening the conversation' })).toBeVisible();
      await expect(rep.getByLabel(/^Score \d+ out of 100$/)).toBeVisible();
      await expect(rep.getByRole('list', { name: 'Score components' })).toContainText('Vocal energy');
      await expect(rep.getByRole('figure', { name: 'Speaking pace' })).toBeVisible();
      await expect(rep.getByRole('figure', { name: 'Vocal energy' })).toBeVisible();
      const player = rep.getByLabel('Recording of the session');
      await expect(player).toBeVisible();
      await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 15_000 }).toBeGreaterThan(0);
      const filler = rep.locator('button[data-kind="filler"]').first();
      await expect(filler).toHaveText(/Um/);
      const start = Number(await filler.getAttribute('data-start'));
      await filler.click();
      await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThanOrEqual(start - 0.05);
      expect(await player.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeLessThan(start + 3);
      await player.evaluate((a: HTMLAudioElement) => a.pause());
      await snapBoth(rep, 'coaching-05-review');
      expect(ranges, 'the player streamed the recording with Range requests, answered 206').toContainEqual(expect.objectContaining({ status: 206 }));
    });

    expect(repProblems()).toEqual([]);
  } finally {
    await repBrowser.close();
  }
  expect(managerProblems()).toEqual([]);
});
