// Issue 16, the shared components every list and page is built from, on the demo data (read only): item 4 (under a
// phone width the one data table shows each row as a card of the columns its list marks primary, nothing cut off),
// item 5 (list filters validate beside the field, keep the last good rows and the export, and ignore — saying so —
// what a link holds that is not valid), item 6 (a 403 or 404 says what it is and offers the way back, never "Try
// again") and item 7 (signing in comes back to the page that was asked for).
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO_LOGIN } from '../../prisma/seed';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

test.describe.configure({ mode: 'parallel' });

const PASSWORD = DEMO_LOGIN.password;
const REP = 'jordan.lee@demo-motors.example';
const MANAGER = 'marcus.bell@demo-motors.example';

async function demo(request: APIRequestContext, email: string) {
  const { access } = await (await request.post('/api/v1/auth/token', { data: { email, password: PASSWORD } })).json();
  const me = await (await request.get('/api/v1/me', { headers: { authorization: `Bearer ${access}` } })).json();
  const org = me.organizations[0].id as string;
  const headers = { authorization: `Bearer ${access}`, 'x-organization-id': org };
  return { org, me, get: async (path: string) => (await request.get(`/api/v1${path}`, { headers })).json() };
}

async function onScreen(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  expect(box, 'laid out').not.toBeNull();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge within the 390 px screen').toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page does not scroll sideways').toBeLessThanOrEqual(390);
}

test.describe('item 4: at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a rep’s sessions, the team dashboard and the calls list are cards with every primary column in view', async ({ page, request }) => {
    const rep = await demo(request, REP);
    await signIn(page, REP, PASSWORD);
    await page.goto(`/${rep.org}/sessions`);
    const sessions = page.getByRole('list', { name: 'Sessions' });
    await expect(sessions.getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    const first = sessions.getByRole('listitem').first();
    await onScreen(page, first.locator('dt', { hasText: 'Score' }));
    await expect(first.locator('dd').last()).toHaveText(/^Score \d+/);
    await onScreen(page, first.locator('dd').last());
    await expect(page.getByLabel('Sort by')).toHaveValue('-recordedAt');
    await snap(page, 'first-use-10-phone-sessions', { fullPage: false });

    const manager = await demo(request, MANAGER);
    const team = (await manager.get('/teams')).results[0];
    await page.context().clearCookies();
    await signIn(page, MANAGER, PASSWORD);
    await page.goto(`/${manager.org}/teams/${team.id}`);
    const members = page.getByRole('list', { name: 'Team members' });
    await expect(members.getByRole('listitem').first()).toBeVisible();
    for (const trend of await members.getByText(/^[↑↓→]/).all()) await onScreen(page, trend);
    await expect(members.getByText(/^[↑↓→] [+-]?\d+$/).first()).toBeVisible();
    await snap(page, 'first-use-11-phone-team-dashboard', { fullPage: false });

    await page.goto(`/${manager.org}/calls`);
    const calls = page.getByRole('list', { name: 'Calls' });
    await expect(calls.getByRole('listitem').first()).toBeVisible();
    const card = calls.getByRole('listitem').first();
    for (const label of ['Status', 'Customer', 'Vehicle', 'Dealer', 'Duration']) await onScreen(page, card.getByText(label, { exact: true }));
    await onScreen(page, card.getByRole('link').first());
    await snap(page, 'first-use-12-phone-calls', { fullPage: false });
  });
});

test('item 5: filters refuse bad input beside the field and keep the rows and the export; a link’s bad filter is ignored with a note', async ({ page, request }) => {
  const manager = await demo(request, MANAGER);
  await signIn(page, MANAGER, PASSWORD);
  await page.goto(`/${manager.org}/calls`);
  const table = page.getByRole('table', { name: 'Calls' });
  await expect(table.getByRole('row')).toHaveCount(26);
  const exportButton = page.getByRole('button', { name: 'Export CSV' });
  const stillThere = async () => {
    await expect(table.getByRole('row')).toHaveCount(26);
    await expect(exportButton).toBeVisible();
    await expect(page.getByText('Could not load this')).toHaveCount(0);
  };

  await page.getByLabel('Phone').fill('1');
  await page.getByLabel('Phone').press('Enter');
  await expect(page.getByText('Must contain at least 3 digits')).toBeVisible();
  await expect(page.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
  await stillThere();
  await expect(page).not.toHaveURL(/phone=/);
  await page.getByLabel('Phone').fill('');
  await page.getByLabel('Phone').press('Enter');
  await expect(page.getByText('Must contain at least 3 digits')).toHaveCount(0);

  await page.getByLabel('VIN').fill('😀');
  await page.getByLabel('VIN').press('Enter');
  await expect(page.getByText('Must be up to 17 letters and digits')).toBeVisible();
  await stillThere();

  await page.getByLabel('Customer name').fill('N'.repeat(101));
  await page.getByLabel('Customer name').press('Enter');
  await expect(page.getByText('Use at most 100 characters')).toBeVisible();
  await stillThere();

  await page.getByLabel('To', { exact: true }).fill('2024-01-01');
  await page.getByLabel('From', { exact: true }).fill('2024-02-01');
  await expect(page.getByText('Choose a start that is not after the end')).toBeVisible();
  await expect(page).not.toHaveURL(/from=2024-02-01/);
  await snap(page, 'first-use-13-filters-inline', { fullPage: false });

  // A made-up status in a link: ignored, said so; the list and its export are there.
  await page.goto(`/${manager.org}/calls?status=bogus`);
  await expect(page.getByText('One filter in this link was ignored')).toBeVisible();
  await expect(page.getByText(/Status “bogus”/)).toBeVisible();
  await stillThere();
  await snap(page, 'first-use-14-filters-ignored', { fullPage: false });
});

test('item 6: a rep refused a team dashboard or a teammate’s sessions is told what it is and the way back, never "Try again"', async ({ page, request }) => {
  const rep = await demo(request, REP);
  const team = (await rep.get('/teams')).results[0];
  const sofia = (await rep.get('/dealers?name=Sof%C3%ADa')).results[0];
  await signIn(page, REP, PASSWORD);
  await page.goto(`/${rep.org}/teams/${team.id}`);
  await expect(page.getByRole('heading', { name: 'Only the team’s managers see this dashboard' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to teams' })).toHaveAttribute('href', `/${rep.org}/teams`);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await snap(page, 'first-use-15-refused-dashboard', { fullPage: false });
  await page.goto(`/${rep.org}/people/${sofia.id}`);
  await expect(page.getByRole('heading', { name: 'Someone’s sessions are shown to them and to the managers of their teams' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(page.getByText('User not found')).toHaveCount(0);
});

test('item 7: a session opened signed out comes back after signing in, query and all', async ({ page, request }) => {
  const rep = await demo(request, REP);
  const session = (await rep.get(`/sessions?userId=${rep.me.id}&limit=1`)).results[0];
  const target = `/${rep.org}/sessions/${session.id}?from=email`;
  await page.goto(target);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(target);
  await page.getByLabel('Email or username').fill(REP);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${target.replace('?', '\\?')}$`), { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: session.module.name, level: 1 })).toBeVisible();
  // Another site in callbackUrl is never followed.
  await page.context().clearCookies();
  await page.goto('/login?callbackUrl=%2F%09%2Fevil.example%2F');
  await page.getByLabel('Email or username').fill(REP);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/, level: 1 })).toBeVisible({ timeout: 20_000 });
  expect(new URL(page.url()).host).toBe(new URL(target, page.url()).host);
});
