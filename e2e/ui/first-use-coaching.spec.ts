// Issue 16, coaching: what a new rep and manager tripped over. Items 1 and 2 (no speech-to-text: the Practice page
// says so before recording, a recording is scored on its voice, plain words score the rest with estimated timings;
// "Score a transcript" takes plain text, states its limit, refuses non-text files at once and clears stale errors),
// 8 (breadcrumbs and the right section for a manager on a rep's session; those changes and failed or locked
// sign-ins in the security log) and 9 (invite links copied and resent; copy that says only what is true; whole
// numbers; a module row keeps its height while moved by keyboard; the transcript is one Tab stop).
import { randomBytes } from 'node:crypto';
import { makeWav } from '../../server/test/wav';
import { coachingTenant } from '../fixtures/coaching-tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

// Chromium's fake microphone: a beeping tone, so a recording has voiced stretches and silences.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  viewport: { width: 1366, height: 900 },
});
test.describe.configure({ mode: 'parallel' });

test('item 1: with no speech-to-text the Practice page says so, a recording is scored on its voice, and plain words score the rest (timings estimated)', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const t = await coachingTenant(request, baseURL!, 'no-stt');
  await signIn(page, t.rep.email, t.rep.password);
  await page.goto(`/${t.organizationId}/practice/${t.moduleId}`);
  const recorder = page.getByRole('region', { name: 'Record your pitch' });
  // Before anyone records: what a recording gets here, and what an administrator sets.
  await expect(recorder.getByText('No speech-to-text on this server')).toBeVisible();
  await expect(recorder).toContainText('STT_URL');
  await snap(page, 'first-use-01-practice-no-stt');

  await recorder.getByRole('button', { name: 'Start recording' }).click();
  await expect(recorder.getByText('Recording', { exact: true })).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(3500);
  await recorder.getByRole('button', { name: 'Stop' }).click();
  const said = recorder.getByRole('textbox', { name: /^What you said/ });
  await said.fill('Hi um thanks for coming in, our extended warranty gives you full coverage for seven years');
  await recorder.getByRole('button', { name: 'Submit for scoring' }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const sessionId = page.url().split('/').pop()!;
  await expect(page.getByLabel(/^Score \d+ out of 100$/)).toBeVisible();
  await expect(page.getByText(/Timings estimated/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pace, in words per minute (estimated)' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Keywords' })).toContainText('warranty');
  await snap(page, 'first-use-02-review-estimated');
  // The API says the same.
  const api = await (await request.get(`/api/v1/sessions/${sessionId}`, { headers: t.rep.headers })).json();
  expect(api.transcript).toMatchObject({ status: 'ready', timing: 'estimated' });
  expect(api.final).toEqual(expect.any(Number));

  // A recording sent without words is scored at once on its voice, and says how to score the rest.
  const form = new FormData();
  form.append('moduleId', t.moduleId);
  form.append('audio', new Blob([makeWav({ seconds: 8 }) as BlobPart], { type: 'audio/wav' }), 'pitch.wav');
  const bare = await (await fetch(`${baseURL}/api/v1/sessions`, { method: 'POST', headers: t.rep.headers, body: form })).json();
  await page.goto(`/${t.organizationId}/sessions/${bare.id}`);
  await expect(page.getByText('Scored on the recording alone').first()).toBeVisible();
  await expect(page.getByLabel(/^Score \d+ out of 100$/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Score components' })).toContainText('Vocal energy');
  await page.getByRole('textbox', { name: 'Or type or paste it' }).fill('our warranty um covers everything');
  await page.getByRole('button', { name: 'Add transcript and score' }).click();
  await expect(page.getByText(/Timings estimated/)).toBeVisible();
  await page.goto(`/${t.organizationId}/sessions`);
  await expect(page.getByText('Needs transcript')).toHaveCount(0);
});

test('item 2: "Score a transcript" takes plain text, states its limit, refuses a non-text or too large file at once and clears the stale error', async ({ page, request, baseURL }) => {
  const t = await coachingTenant(request, baseURL!, 'plain-text');
  await signIn(page, t.rep.email, t.rep.password);
  await page.goto(`/${t.organizationId}/practice/${t.moduleId}`);
  const card = page.getByRole('region', { name: 'Score a transcript' });
  await expect(card.getByText(/up to 2 MB/)).toBeVisible();
  const file = card.getByLabel('Transcript file');
  const box = card.getByRole('textbox', { name: 'Or type or paste it' });

  // A 10 MB file is refused the moment it is chosen, saying the limit; nothing fills the box.
  await file.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(10_000_000, 'a') });
  await expect(card.getByText('“huge.txt” is 10 MB: a transcript file can be at most 2 MB.')).toBeVisible();
  await expect(box).toHaveValue('');
  // A picture is no transcript: said at once, not dumped into the box.
  await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]) });
  await expect(card.getByText(/“photo\.png” is not a text file/)).toBeVisible();
  await expect(card.getByText(/huge\.txt/)).toHaveCount(0);
  await expect(box).toHaveValue('');
  // A good file clears the error and fills the box.
  await file.setInputFiles({ name: 'pitch.txt', mimeType: 'text/plain', buffer: Buffer.from('Hi um our warranty covers you') });
  await expect(card.getByText(/not a text file/)).toHaveCount(0);
  await expect(box).toHaveValue('Hi um our warranty covers you');
  await snap(page, 'first-use-03-score-a-transcript');

  // Pasted plain text is scored: fillers and keywords, with no pace (no length was given).
  await box.fill('Hello um I wanted to tell you about our warranty, uh, it covers everything');
  await card.getByRole('button', { name: 'Score this transcript' }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel(/^Score \d+ out of 100$/)).toBeVisible();
  await expect(page.getByText(/came without times or a recording/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Fillers by word' })).toContainText('um × 1');
});

test('item 8: a manager on a rep’s session has breadcrumbs and Teams marked; deleting it, and failed and locked sign-ins, reach the security log', async ({ page, request, baseURL, browser }) => {
  test.setTimeout(120_000);
  const t = await coachingTenant(request, baseURL!, 'crumbs');
  const make = async () => (await (await request.post('/api/v1/sessions', { headers: t.rep.headers, data: { moduleId: t.moduleId, transcript: 'hello our warranty covers you for seven years', duration: 5 } })).json()).id as string;
  const session = await make();
  await signIn(page, t.email, t.password);
  await page.goto(`/${t.organizationId}/sessions/${session}`);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link', { name: 'Teams' })).toHaveAttribute('href', `/${t.organizationId}/teams`);
  await expect(crumbs.getByRole('link', { name: t.rep.name })).toHaveAttribute('href', `/${t.organizationId}/people/${t.rep.userId}`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Teams' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'My sessions' })).not.toHaveAttribute('aria-current', 'page');
  await snap(page, 'first-use-04-manager-on-rep-session');

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete session' }).click();
  await expect(page).toHaveURL(new RegExp(`/${t.organizationId}/sessions$`));

  // Failed sign-ins and the lockout after them (by email), then the owner signs in by username to read the log.
  const username = `owner${randomBytes(3).toString('hex')}`;
  expect((await request.patch('/api/v1/me', { headers: t.owner, data: { username } })).status()).toBe(200);
  // Ten wrong passwords per address and login in five minutes: wrong ones until the lock (the 11th try).
  const statuses: number[] = [];
  while (statuses.length < 12 && statuses.at(-1) !== 429) statuses.push((await request.post('/api/v1/auth/token', { data: { email: t.email, password: 'not the password' } })).status());
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(5);
  const fresh = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signIn(fresh, username, t.password);
  await fresh.goto(`/${t.organizationId}/settings/security`);
  const log = fresh.getByRole('table');
  await expect(log).toContainText('Someone else’s session deleted');
  await expect(log).toContainText(t.rep.name);
  await expect(log).toContainText('Sign-in failed');
  await expect(log).toContainText('Sign-in locked after too many attempts');
  await snap(fresh, 'first-use-05-security-log');
  await fresh.context().close();
});

test('item 9: invites copy and resend; the dashboard promises what the role sees, in whole numbers; rows keep their height; one Tab stop for the transcript', async ({ page, request, baseURL, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const t = await coachingTenant(request, baseURL!, 'invites');
  const invitee = `join-${randomBytes(3).toString('hex')}@example.test`;
  expect((await request.post('/api/v1/invites', { headers: t.owner, data: [{ email: invitee, teamId: t.teamId }] })).status()).toBe(201);
  await signIn(page, t.email, t.password);

  await page.goto(`/${t.organizationId}/teams/${t.teamId}/settings`);
  await page.getByRole('button', { name: `Copy the invite link for ${invitee}` }).click();
  const dialog = page.getByRole('dialog', { name: /Invite link/ });
  const link = await dialog.getByLabel('Invite link', { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/inv_/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await snap(page, 'first-use-06-invite-link', { fullPage: false });
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The copied link opens the invite, for someone signed out.
  const stranger = await (await page.context().browser()!.newContext()).newPage();
  await stranger.goto(new URL(link).pathname);
  await expect(stranger.getByText(invitee)).toBeVisible();
  await stranger.context().close();
  await page.getByRole('button', { name: `Send the invite to ${invitee} again` }).click();
  await expect(page.getByText(`Invite sent again to ${invitee}`)).toBeVisible();

  // The owner's dashboard: one team led, so its dashboard is linked by name; averages whole, explained.
  await request.post('/api/v1/sessions', { headers: t.rep.headers, data: { moduleId: t.moduleId, transcript: 'hello um our warranty and its coverage', duration: 7 } });
  await request.post('/api/v1/sessions', { headers: t.owner, data: { moduleId: t.moduleId, transcript: 'our warranty covers you uh and the coverage', duration: 9 } });
  await page.goto(`/${t.organizationId}`);
  const practice = page.getByRole('region', { name: 'Practice' });
  await expect(practice.getByRole('link', { name: 'Floor team dashboard' })).toHaveAttribute('href', `/${t.organizationId}/teams/${t.teamId}`);
  await expect(practice.getByText('Their average score')).toBeVisible();
  const tile = await practice.getByLabel(/^Your average: /).textContent();
  await expect(practice.getByText(`Your average is ${tile}. Beat it.`)).toBeVisible();
  await expect(practice).not.toContainText(/\d+\.\d+/);

  // A member's dashboard promises no security log.
  const member = await (await page.context().browser()!.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signIn(member, t.rep.email, t.rep.password);
  await expect(member.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(member.locator('main').getByText(/security events/)).toHaveCount(0);
  await member.context().close();

  // A tall module row moved by keyboard keeps its height (it used to be squashed to the other row's).
  const owner = t.owner;
  await request.post(`/api/v1/products/${t.productId}/modules`, { headers: owner, data: { name: 'Closing', instructions: [], keywords: [], targetTime: 30 } });
  await page.goto(`/${t.organizationId}/products/${t.productId}`);
  await page.getByRole('button', { name: 'Edit Opening the conversation' }).click();
  const tall = page.getByRole('listitem', { name: 'Opening the conversation' });
  const before = (await tall.boundingBox())!.height;
  await page.getByRole('button', { name: 'Reorder Opening the conversation' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(400);
  const during = (await tall.boundingBox())!.height;
  await page.keyboard.press('Escape');
  expect(Math.abs(during - before), `height ${before} → ${during} while moved`).toBeLessThan(2);

  // The transcript is one stop for Tab; arrow keys go word by word (a session with a recording plays from a word).
  const form = new FormData();
  form.append('moduleId', t.moduleId);
  form.append('transcript', JSON.stringify({ words: 'our warranty covers you for seven full years'.split(' ').map((text, i) => ({ text, start: i * 0.5, end: i * 0.5 + 0.4 })) }));
  form.append('audio', new Blob([makeWav({ seconds: 5 }) as BlobPart], { type: 'audio/wav' }), 'pitch.wav');
  const withAudio = await (await fetch(`${baseURL}/api/v1/sessions`, { method: 'POST', headers: owner, body: form })).json();
  await page.goto(`/${t.organizationId}/sessions/${withAudio.id}`);
  const transcript = page.getByRole('group', { name: /^Transcript/ });
  await expect(transcript.getByRole('button')).toHaveCount(8);
  await expect(transcript.locator('button[tabindex="0"]')).toHaveCount(1);
  await transcript.getByRole('button').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(transcript.getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(transcript.getByRole('button').last()).toBeFocused();
  await expect(transcript.locator('button[tabindex="0"]')).toHaveCount(1);
  // Pace reads in whole words per minute.
  await expect(page.locator('main')).not.toContainText(/\d+\.\d+ wpm/);
});
