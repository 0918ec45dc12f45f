// The live call journey with two browsers: a customer on a phone and a dealer at the console, Chromium's fake camera
// and microphone on both. They connect over WebRTC (signalled through the app), the dealer sees the customer's
// video playing, they chat both ways, the dealer ends the call and notes it, the customer leaves a lead, and the
// manager finds it in the leads list and in the CSV export. A recording still running when the call room goes (either
// side ends the call, or the dealer leaves the console) is still saved for coaching; a failed upload is kept and retried.
import { randomBytes } from 'node:crypto';
import { expect, test } from './test';
import { bootstrapTenant } from '../fixtures/tenant';
import { guardConsole } from './console-guard';
import { snap } from './screenshot';
import { signIn } from './sign-in';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required',
    ],
  },
});

// One after the other, not side by side: two calls at once are eight fake-camera video streams encoded and decoded
// on a two-core machine, which slows everything (signals, realtime, page loads) past the waits below.
test.describe.configure({ mode: 'default' });

// "Recording your side · m:ss" once at least three seconds are in (screenshots before it can take longer than that).
const RECORDED_3S = /Recording your side · (0:0[3-9]|0:[1-5]\d|[1-9]\d*:\d\d)/;

test('customer and dealer connect on video, chat, end, note; the lead reaches the manager and the export', async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const t = await bootstrapTenant(baseURL!, 'journey');
  const owner = { authorization: `Bearer ${t.access}`, 'x-organization-id': t.organizationId };
  const org = await (await request.get(`/api/v1/organizations/${t.organizationId}`, { headers: owner })).json();
  const surname = `Lovelace${randomBytes(2).toString('hex')}`;

  const dealerContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, permissions: ['camera', 'microphone'], acceptDownloads: true });
  const dealer = await dealerContext.newPage();
  const dealerProblems = guardConsole(dealer);
  await signIn(dealer, t.email, t.password);
  await dealer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Console' }).click();
  await expect(dealer.getByRole('heading', { name: 'Console', level: 1 })).toBeVisible();
  await dealer.getByRole('button', { name: 'Go online' }).click();
  await expect(dealer.getByText('No one is waiting')).toBeVisible();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ['camera', 'microphone'] });
  const customer = await phone.newPage();
  const customerProblems = guardConsole(customer);
  await customer.goto(`/call/${org.callToken}`);
  await customer.getByLabel('Vehicle identification number (VIN)').fill('KM8K2CAB4PU001140');
  await expect(customer.getByText('✓ 2023 Hyundai Kona')).toBeVisible({ timeout: 30_000 });
  await customer.getByLabel('First name').fill('Ada');
  await customer.getByLabel('Last name').fill(surname);
  await customer.getByLabel('Email').fill(`ada-${surname}@example.test`);
  await customer.getByRole('button', { name: 'Call a dealer' }).click();
  await expect(customer.getByRole('heading', { name: 'Waiting for a dealer…' })).toBeVisible({ timeout: 20_000 });

  await test.step('the request appears live on the console, with its count; the dealer accepts', async () => {
    const incoming = dealer.getByRole('list', { name: 'Incoming calls' });
    await expect(incoming).toContainText('2023 Hyundai Kona', { timeout: 20_000 });
    await expect(dealer.getByLabel('1 waiting')).toBeVisible();
    await expect(dealer).toHaveTitle(/^\(1\) Console/);
    await snap(dealer, 'journey-01-console-incoming');
    await incoming.getByRole('button', { name: /Accept the call about the 2023 Hyundai Kona/ }).click();
  });

  await test.step('both sides connect on video; the dealer sees the customer’s camera playing', async () => {
    await expect(customer.getByRole('heading', { name: 'Connected' })).toBeVisible({ timeout: 20_000 });
    const remote = dealer.getByTestId('remote-video');
    await expect.poll(async () => remote.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 }).toBeGreaterThan(0);
    const first = await remote.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(async () => remote.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(first + 0.5);
    await expect.poll(async () => customer.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 }).toBeGreaterThan(0);
    await snap(dealer, 'journey-02-console-call-room');
    await snap(customer, 'journey-03-customer-connected');
  });

  await test.step('chat both ways', async () => {
    await dealer.getByLabel('Message', { exact: true }).fill('Hi Ada, I can see the Kona now.');
    await dealer.getByRole('button', { name: 'Send' }).click();
    await expect(customer.getByRole('list', { name: 'Chat messages' })).toContainText('Hi Ada, I can see the Kona now.');
    await customer.getByLabel('Message', { exact: true }).fill('Great, what about the price?');
    await customer.getByRole('button', { name: 'Send' }).click();
    await expect(dealer.getByRole('list', { name: 'Chat messages' })).toContainText('Great, what about the price?');
  });

  await test.step('the dealer records their side; the customer is told while it runs; it is saved for coaching', async () => {
    await dealer.getByRole('button', { name: 'Record my side' }).click();
    await expect(dealer.getByRole('status').filter({ hasText: 'Recording your side' })).toBeVisible();
    await expect(customer.getByText('is recording their side of this call')).toBeVisible({ timeout: 20_000 });
    await snap(customer, 'journey-03b-customer-told-recording');
    await snap(dealer, 'journey-03c-console-recording');
    // The call room on a phone, to be looked at.
    await dealer.setViewportSize({ width: 390, height: 844 });
    await snap(dealer, 'journey-03e-console-recording-phone');
    await dealer.setViewportSize({ width: 1366, height: 900 });
    // A few seconds of Chromium's fake microphone (its beep), captured from the call's own audio track.
    await expect(dealer.getByRole('status').filter({ hasText: RECORDED_3S })).toBeVisible({ timeout: 15_000 });
    await dealer.getByRole('button', { name: 'Stop recording' }).click();
    await expect(dealer.getByText('Recording saved.')).toBeVisible({ timeout: 30_000 });
    await expect(customer.getByText('is recording their side of this call')).toBeHidden({ timeout: 20_000 });
  });

  await test.step('the dealer ends the call and writes the note', async () => {
    await dealer.getByRole('button', { name: 'End call' }).click();
    await expect(customer.getByRole('heading', { name: 'Call ended' })).toBeVisible({ timeout: 20_000 });
    await dealer.getByRole('link', { name: 'Write the note and send the loan link' }).click();
    await dealer.getByLabel('Note').fill('Interested in the SE trim; send financing.');
    await dealer.getByRole('button', { name: 'Save note' }).click();
    await expect(dealer.getByRole('list', { name: 'Call events' })).toContainText('Note saved');
    await expect(dealer.getByRole('list', { name: 'Call events' })).toContainText('Recording saved for coaching');
  });

  await test.step('the call page shows the recording’s session: no speech-to-text here, so it is scored on the voice until words are added', async () => {
    await expect(dealer.getByRole('heading', { name: 'Recorded call' })).toBeVisible();
    await expect(dealer.getByText('voice only', { exact: true })).toBeVisible();
    await snap(dealer, 'journey-03d-call-page-recording');
    await dealer.setViewportSize({ width: 390, height: 844 });
    await snap(dealer, 'journey-03f-call-page-recording-phone');
    await dealer.setViewportSize({ width: 1366, height: 900 });
    const callPage = dealer.url();
    await dealer.getByRole('link', { name: 'Review the session →' }).click();
    await expect(dealer.getByText('Recorded call', { exact: true })).toBeVisible();
    await expect(dealer.getByText(/Scored on the recording alone/).first()).toBeVisible();
    await dealer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My sessions' }).click();
    await expect(dealer.getByText('Recorded live call').first()).toBeVisible();
    await dealer.goto(callPage);
  });

  await test.step('the customer leaves a lead; the manager finds it in the list and the export', async () => {
    await customer.getByLabel('Comment').fill('Please send the financing options.');
    await customer.getByRole('button', { name: 'Send my details' }).click();
    await expect(customer.getByText('Thanks — the dealer has your details')).toBeVisible();
    await snap(customer, 'journey-04-customer-lead');
    await dealer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    await dealer.getByLabel('Name').fill(surname);
    await expect(dealer.getByRole('table', { name: 'Leads' })).toContainText(`Ada ${surname}`);
    const download = dealer.waitForEvent('download');
    await dealer.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await new Response((await (await download).createReadStream()) as unknown as ReadableStream).text();
    expect(csv).toContain(`Ada,${surname},ada-${surname}@example.test`);
    expect(csv).toContain('Please send the financing options.');
  });

  expect(dealerProblems()).toEqual([]);
  expect(customerProblems()).toEqual([]);
  await phone.close();
  await dealerContext.close();
});

test('a recording still in progress when the call room goes is saved: the dealer ends the call; the customer hangs up (a failed upload retried); the dealer leaves mid-call', async ({ browser, baseURL, request }) => {
  test.setTimeout(180_000); // three calls with video and recording, one after another
  const t = await bootstrapTenant(baseURL!, 'journey-ended');
  const owner = { authorization: `Bearer ${t.access}`, 'x-organization-id': t.organizationId };
  const org = await (await request.get(`/api/v1/organizations/${t.organizationId}`, { headers: owner })).json();

  const dealerContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, permissions: ['camera', 'microphone'] });
  const dealer = await dealerContext.newPage();
  const dealerProblems = guardConsole(dealer);
  await signIn(dealer, t.email, t.password);
  await dealer.goto(`/${t.organizationId}/console`);
  await dealer.getByRole('button', { name: 'Go online' }).click();
  await expect(dealer.getByText('No one is waiting')).toBeVisible();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ['camera', 'microphone'] });
  const customer = await phone.newPage();
  const customerProblems = guardConsole(customer);
  await customer.goto(`/call/${org.callToken}`);
  const recordingNotice = customer.getByText('is recording their side of this call');

  /** The customer calls, the dealer takes it and records a few seconds of their side. */
  const callAndRecord = async () => {
    await customer.getByLabel('Vehicle identification number (VIN)').fill('KM8K2CAB4PU001140');
    await expect(customer.getByText('✓ 2023 Hyundai Kona')).toBeVisible({ timeout: 30_000 });
    await customer.getByRole('button', { name: 'Call a dealer' }).click();
    await dealer.getByRole('list', { name: 'Incoming calls' }).getByRole('button', { name: /Accept the call about the 2023 Hyundai Kona/ }).click({ timeout: 20_000 });
    await expect(customer.getByRole('heading', { name: 'Connected' })).toBeVisible({ timeout: 20_000 });
    await dealer.getByRole('button', { name: 'Record my side' }).click();
    await expect(recordingNotice).toBeVisible({ timeout: 20_000 });
    await expect(dealer.getByRole('status').filter({ hasText: RECORDED_3S })).toBeVisible({ timeout: 15_000 });
  };

  /** After the call room has gone: the console says the recording was saved, and the call carries it as a session with audio. */
  const expectSaved = async (screenshot?: string) => {
    await expect(customer.getByRole('heading', { name: 'Call ended' })).toBeVisible({ timeout: 20_000 });
    await expect(recordingNotice).toBeHidden();
    await expect(dealer.getByRole('status').filter({ hasText: 'Recording saved.' })).toBeVisible({ timeout: 30_000 });
    if (screenshot) await snap(dealer, screenshot);
    await dealer.getByRole('link', { name: 'Write the note and send the loan link' }).click();
    await expect(dealer.getByRole('heading', { name: 'Recorded call' })).toBeVisible();
    await expect(dealer.getByRole('list', { name: 'Call events' })).toContainText('Recording saved for coaching');
    const callId = dealer.url().split('/').at(-1)!;
    const call = await (await request.get(`/api/v1/calls/${callId}`, { headers: owner })).json();
    expect(call).toMatchObject({ status: 'completed', recording: false, session: { id: expect.any(String) } });
    const session = await (await request.get(`/api/v1/sessions/${call.session.id}`, { headers: owner })).json();
    expect(session).toMatchObject({ callId, hasAudio: true, audioUrl: expect.any(String) });
    expect(session.duration).toBeGreaterThanOrEqual(3);
  };

  await test.step('the dealer ends the call while recording', async () => {
    await callAndRecord();
    await dealer.getByRole('button', { name: 'End call' }).click();
    await expectSaved('journey-05-ended-while-recording');
    // The server stopped the recording with the call, and the history says so.
    await expect(dealer.getByRole('list', { name: 'Call events' })).toContainText('Recording stopped with the call');
  });

  await test.step('the customer hangs up while the dealer records, and the upload fails once: it is kept and retried', async () => {
    await dealer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Console' }).click();
    await customer.getByRole('button', { name: 'Call about another vehicle' }).click();
    await callAndRecord();
    await dealer.route('**/api/uploads/audio', (route) => route.abort('connectionfailed'));
    await customer.getByRole('button', { name: 'End call' }).click();
    const failed = dealer.getByRole('alert').filter({ hasText: 'Your recording was not saved' });
    await expect(failed).toBeVisible({ timeout: 30_000 });
    await snap(dealer, 'journey-05b-ended-while-recording-save-failed');
    await dealer.setViewportSize({ width: 390, height: 844 });
    await snap(dealer, 'journey-05c-ended-while-recording-save-failed-phone');
    await dealer.setViewportSize({ width: 1366, height: 900 });
    await dealer.unroute('**/api/uploads/audio');
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expectSaved();
  });

  await test.step('the dealer leaves the console mid-call while recording: it is saved, and the customer is no longer told', async () => {
    await dealer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Console' }).click();
    await customer.getByRole('button', { name: 'Call about another vehicle' }).click();
    await callAndRecord();
    await dealer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My sessions' }).click();
    await expect(recordingNotice).toBeHidden({ timeout: 20_000 });
    await expect(customer.getByRole('heading', { name: 'Connected' })).toBeVisible();
    await dealer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Console' }).click();
    await expect(dealer.getByRole('status').filter({ hasText: 'Recording saved.' })).toBeVisible({ timeout: 30_000 });
    // Back in the call room, the video comes back: the customer, asked again, says it is ready for a new offer.
    await expect.poll(async () => dealer.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 }).toBeGreaterThan(0);
    await dealer.getByRole('button', { name: 'End call' }).click();
    await expectSaved();
  });

  expect(dealerProblems()).toEqual([]);
  expect(customerProblems()).toEqual([]);
  await phone.close();
  await dealerContext.close();
});
