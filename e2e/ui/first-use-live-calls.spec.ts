// Issue 16, live calls: item 10 (the call page's link and QR code on the Console and the Calls page for everyone who
// takes calls), item 11 (a waiting customer cancels; both sides mute and turn their camera off, and the other side is
// told — with item 1's note beside "Record my side"), item 12 (a manager pauses someone's calls; the join-date boxes
// show whole dates; the VIN placeholder fits a phone), item 13 (one vocabulary for call statuses; E.164 phones
// exported without a quote), item 14 (the follow-up form speaks in sentences and needs no last name) and item 15 (a
// new API key's secret comes into view with its Copy button focused).
import type { Page } from '@playwright/test';
import { DEMO_LOGIN } from '../../prisma/seed';
import { bootstrapTenant } from '../fixtures/tenant';
import { guardConsole } from './console-guard';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

const COROLLA = '2T1BURHEXJC043821';
const KONA = 'KM8K2CAB4PU001140';
const MEDIA_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];

test.describe.configure({ mode: 'parallel' });
// Chromium's fake camera and microphone (the video call below; harmless for the other tests).
test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: MEDIA_ARGS } });

async function demoOrg(page: Page, email: string) {
  await signIn(page, email, DEMO_LOGIN.password);
  return new URL(page.url()).pathname.split('/')[1]!;
}

test('item 10: a member who takes calls finds the call page’s link and QR code on the Console and the Calls page', async ({ page }) => {
  const org = await demoOrg(page, 'jordan.lee@demo-motors.example');
  for (const where of ['console', 'calls']) {
    await page.goto(`/${org}/${where}`);
    const card = page.getByRole('region', { name: 'Customer call page' });
    await expect(card.getByRole('img', { name: /^QR code of http.*\/call\/ct_/ })).toBeVisible();
    await expect(card.getByRole('textbox', { name: 'Call page address' })).toHaveValue(/\/call\/ct_/);
    await expect(card.getByRole('button', { name: 'Download QR code' })).toBeEnabled();
  }
  await snap(page, 'first-use-20-calls-call-page');
});

test.describe('items 11 and 14: a customer and a dealer on video', () => {
  test('the waiting customer cancels, then leaves details in sentences; on a call both sides mute and turn the camera off, and the other side sees it', async ({ browser, baseURL, request }) => {
    test.setTimeout(180_000);
    const t = await bootstrapTenant(baseURL!, 'call-controls');
    const owner = { authorization: `Bearer ${t.access}`, 'x-organization-id': t.organizationId };
    const org = await (await request.get(`/api/v1/organizations/${t.organizationId}`, { headers: owner })).json();
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ['camera', 'microphone'] });
    const customer = await phone.newPage();
    const customerProblems = guardConsole(customer);
    await customer.goto(`/call/${org.callToken}`);
    const vin = customer.getByLabel('Vehicle identification number (VIN)');
    // Item 12: the placeholder is whole on a phone.
    const fits = await vin.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: ctx.measureText(input.placeholder).width, room };
    });
    expect(fits.text, `placeholder ${fits.text} px in ${fits.room} px`).toBeLessThanOrEqual(fits.room);

    await vin.fill(COROLLA);
    await expect(customer.getByText('✓ 2018 Toyota Corolla')).toBeVisible({ timeout: 30_000 });
    await customer.getByRole('button', { name: 'Call a dealer' }).click();
    await expect(customer.getByRole('heading', { name: 'Waiting for a dealer…' })).toBeVisible({ timeout: 20_000 });
    await customer.getByRole('button', { name: 'Cancel my request' }).click();
    await expect(customer.getByRole('heading', { name: 'Request cancelled' })).toBeVisible();
    const cancelled = await (await request.get('/api/v1/calls?status=cancelled', { headers: owner })).json();
    expect(cancelled.count).toBe(1);

    // Item 14: the follow-up form, after the call: sentences, and no last name needed.
    await expect(customer.getByText('Last name(optional)')).toBeVisible();
    await customer.getByRole('button', { name: 'Send my details' }).click();
    await expect(customer.getByText('Enter your first name')).toBeVisible();
    await expect(customer.getByText(/^is required$/)).toHaveCount(0);
    await snap(customer, 'first-use-21-lead-errors');
    await customer.getByLabel('First name').fill('Maya');
    await customer.getByRole('button', { name: 'Send my details' }).click();
    await expect(customer.getByText('Leave an email address or a phone number so the dealer can reach you')).toBeVisible();
    await customer.getByLabel('Email').fill('maya@example.test');
    await customer.getByRole('button', { name: 'Send my details' }).click();
    await expect(customer.getByText('Thanks — the dealer has your details')).toBeVisible();

    // A second call, taken at the Console: mute and camera switches on both sides.
    await customer.getByRole('button', { name: 'Call about another vehicle' }).click();
    await customer.getByLabel('Vehicle identification number (VIN)').fill(KONA);
    await expect(customer.getByText(/✓ 2023 Hyundai Kona/)).toBeVisible({ timeout: 30_000 });
    await customer.getByRole('button', { name: 'Call a dealer' }).click();
    await expect(customer.getByRole('heading', { name: 'Waiting for a dealer…' })).toBeVisible({ timeout: 20_000 });

    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, permissions: ['camera', 'microphone'] });
    const dealer = await desk.newPage();
    const dealerProblems = guardConsole(dealer);
    await signIn(dealer, t.email, t.password);
    await dealer.goto(`/${t.organizationId}/console`);
    await dealer.getByRole('button', { name: 'Go online' }).click();
    await dealer.getByRole('button', { name: /^Accept the call about the 2023 Hyundai Kona/ }).click();
    await expect(customer.getByRole('heading', { name: 'Connected' })).toBeVisible({ timeout: 20_000 });
    // Item 1, on the Console: before recording, the dealer learns what a recording gets without speech-to-text.
    await expect(dealer.getByText(/This server has no speech-to-text: it is scored on your pauses, length and voice/)).toBeVisible();
    await expect.poll(() => dealer.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    await dealer.getByRole('button', { name: 'Mute' }).click();
    await expect(dealer.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
    await expect(customer.getByText('Test is muted')).toBeVisible({ timeout: 15_000 });
    await customer.getByRole('button', { name: 'Turn camera off' }).click();
    await expect(dealer.getByText('The customer turned their camera off')).toBeVisible({ timeout: 15_000 });
    await expect(customer.getByText('Camera off')).toBeVisible();
    await snap(customer, 'first-use-22-customer-controls');
    await snap(dealer, 'first-use-23-dealer-controls');
    await customer.getByRole('button', { name: 'Turn camera on' }).click();
    await expect(dealer.getByText('The customer turned their camera off')).toHaveCount(0, { timeout: 15_000 });
    await customer.getByRole('button', { name: 'End call' }).click();
    await expect(customer.getByRole('heading', { name: 'Call ended' })).toBeVisible({ timeout: 20_000 });

    expect(customerProblems()).toEqual([]);
    expect(dealerProblems()).toEqual([]);
    await phone.close();
    await desk.close();
  });
});

test('item 12: a manager pauses and resumes someone’s calls; the join-date boxes show whole dates', async ({ page }) => {
  const org = await demoOrg(page, 'marcus.bell@demo-motors.example');
  await page.goto(`/${org}/dealers`);
  const table = page.getByRole('table', { name: 'Dealers' });
  await table.getByRole('button', { name: 'Pause calls for Avery Brooks' }).click();
  await expect(page.getByText('Avery Brooks will not get calls')).toBeVisible();
  await table.getByRole('button', { name: 'Resume calls for Avery Brooks' }).click();
  await expect(page.getByText('Avery Brooks can take calls again')).toBeVisible();
  for (const label of ['Joined from', 'Joined to']) {
    const width = await page.getByLabel(label).evaluate((input: HTMLInputElement) => input.getBoundingClientRect().width);
    // mm/dd/yyyy and the calendar button need about 130 px at this font; the boxes were ~100 px and cut "yyyy".
    expect(width, `${label} is ${width} px wide`).toBeGreaterThanOrEqual(130);
  }
  await snap(page, 'first-use-24-dealers', { fullPage: false });
});

test('item 13: call statuses read as the API and the export name them; E.164 phones are exported without a quote, formulas still defused', async ({ page }) => {
  const org = await demoOrg(page, 'marcus.bell@demo-motors.example');
  await page.goto(`/${org}/calls`);
  await expect(page.getByRole('button', { name: 'Expired', pressed: false })).toBeVisible();
  await expect(page.getByText('Dropped')).toHaveCount(0);
  await page.getByRole('button', { name: 'Expired', pressed: false }).click();
  await expect(page).toHaveURL(/status=expired/);
  await expect(page.getByRole('table', { name: 'Calls' }).getByText('Expired').first()).toBeVisible();
  const csv = await (await page.request.get(`/${org}/calls/export.csv?tz=UTC`)).text();
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
  expect(lines.some((l) => /,\+1\d{10},/.test(l)), 'phones as +1…').toBe(true);
  expect(lines.filter((l) => l.includes(`'+`)), 'no quoted phone').toEqual([]);
  expect(csv).toContain(',expired,');
});

test('item 15: a new API key’s secret is scrolled into view and its Copy button has the focus', async ({ page, baseURL }) => {
  const t = await bootstrapTenant(baseURL!, 'key-focus');
  await signIn(page, t.email, t.password);
  await page.goto(`/${t.organizationId}/settings/api-keys`);
  await page.getByLabel('Key name').fill('Reporting');
  await page.getByLabel('Read statistics').check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByRole('textbox', { name: 'New API key secret' });
  await expect(secret).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy', exact: true })).toBeFocused();
  await expect.poll(async () => {
    const box = (await secret.boundingBox())!;
    return box.y >= 0 && box.y + box.height <= 900;
  }).toBe(true);
  await snap(page, 'first-use-25-new-key', { fullPage: false });
});
