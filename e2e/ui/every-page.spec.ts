// Every page of the app, signed out and signed in as the demo owner, at desktop (1366×900) and phone (390×844) width:
// no page is wider than the screen, axe finds no serious or critical accessibility violation, and a screenshot of each
// is saved for review (e2e/screenshots/pages/). A third pass walks an organization whose every shown field holds
// text at its maximum length (e2e/fixtures/long-text-specimens.ts): no such page may be wider than the screen either. The pages come from app/ itself plus every link found on them, so a
// page added later is checked without touching this file; a page no link and no known parameter reaches fails the run.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { appPageRoutes, fillRoute, matchesRoute } from '../fixtures/app-routes';
import { seedLongTextSpecimens } from '../fixtures/long-text-specimens';
import { firstLink, readMail } from '../fixtures/mail-sink';
import { DEMO_LOGIN } from '../../prisma/seed';
import { emailOf, TEAM } from '../../prisma/seed/team';
import { signIn } from './sign-in';
import { expect, test } from './test';

const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
const shots = fileURLToPath(new URL('../screenshots/pages/', import.meta.url));
// Not pages: data, files and the browser's own API.
const NOT_PAGES = /^\/(api|media|_next)\/|\.(json|ico|png|svg|webmanifest|txt|xml)$/;

test.describe.configure({ mode: 'parallel' });

/** Waits until the page has its data: no request in flight and no loading placeholder left. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
}

/** Elements sticking out past the right edge of the screen without a scrolling box around them. */
function overflowCulprits(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 4).join('.')} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
  });
}

async function checkPage(page: Page, label: string, opts: { axe?: boolean } = {}) {
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await settle(page);
    // Charts and other boxes that follow their container re-measure after the resize (ResizeObserver): give them up
    // to 3 s to fit; a page that still does not fit fails below, with its culprits.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 3_000 }).catch(() => undefined);
    const where = `${label} at ${name} width`;
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect.soft(scrollWidth > clientWidth ? await overflowCulprits(page) : [], `${where}: the page is ${scrollWidth} px wide on a ${clientWidth} px screen`).toEqual([]);
    expect.soft(scrollWidth, `${where}: page width`).toBeLessThanOrEqual(clientWidth);

    if (opts.axe ?? true) {
      // A sandboxed frame (an email shown in the dev mailbox) is someone else's document, and runs no script for axe.
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).exclude('iframe[sandbox]').analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect.soft(serious, `${where}: serious or critical accessibility violations`).toEqual([]);
    }

    await page.evaluate(() => window.scrollTo(0, 0));
    // A very long page (the API reference) is kept as its first screen, which is also what a reviewer can read.
    const long = (await page.evaluate(() => document.documentElement.scrollHeight)) > 6 * size.height;
    await page.screenshot({ path: path.join(shots, `${label}-${name}${long ? '-first-screen' : ''}.png`), fullPage: !long, animations: 'disabled' });
  }
}

/**
 * Opens each URL (and every same-site link found on the pages reached), checks each distinct page once, and returns
 * every path requested or landed on.
 */
async function crawl(page: Page, state: string, known: Record<string, string>, extraStarts: string[] = [], checks: (kind: string) => boolean = () => true, opts: { axe?: boolean } = {}) {
  const starts = [...appPageRoutes().map((r) => fillRoute(r, known)).filter((u): u is string => u !== null), ...extraStarts];
  const queue = [...starts];
  const requested = new Set<string>();
  const checked = new Set<string>();
  // One instance of a page with an id of its own (one email of the mailbox) stands for all of them.
  const routes = appPageRoutes().filter((r) => r.params.some((p) => !(p in known)));
  // A static page beside a dynamic one (campaigns/new beside campaigns/[id]) is a kind of its own, as Next routes it:
  // taken for an instance of [id], it would stand in for the real ones and their pages would never be opened.
  const statics = new Set(starts);
  const kind = (pathname: string) => (statics.has(pathname) ? pathname : (routes.find((r) => matchesRoute(r, pathname))?.pattern ?? pathname));
  while (queue.length) {
    const url = queue.shift()!;
    if (requested.has(url)) continue;
    requested.add(url);
    // Another instance of a page already checked (the fortieth practice session): reached, no need to open it.
    if (checked.has(kind(new URL(url, 'http://pitchcraft.test').pathname))) continue;
    const response = await page.goto(url);
    expect.soft(response?.status() ?? 0, `${url} answered`).toBeLessThan(500);
    const landed = new URL(page.url()).pathname;
    requested.add(landed);
    if (checked.has(kind(landed)) || !(response?.headers()['content-type'] ?? '').includes('text/html')) continue;
    checked.add(kind(landed));
    // Named by route, so a screenshot keeps its name from run to run (no ids or tokens in it).
    let name = kind(landed).replace(/\[(?:\.\.\.)?([^\]]+)\]/g, '$1');
    for (const [param, value] of Object.entries(known)) name = name.replaceAll(value, param);
    // A page another part of the run checks is only walked through for its links.
    if (checks(name)) await checkPage(page, `${state}${name === '/' ? '-home' : name.replaceAll('/', '-')}`, opts);
    else await settle(page);
    // Links, and addresses written out as text (an email's plain-text part shows its reset link that way).
    // A link the browser downloads (a CSV export, an attachment) leads to a file, not a page.
    const links = await page.locator('a[href]:not([download])').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const written = (await page.locator('body').innerText()).match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    for (const href of [...links, ...written]) {
      const link = new URL(href);
      if (link.origin !== new URL(page.url()).origin || NOT_PAGES.test(link.pathname)) continue;
      if (!requested.has(link.pathname)) queue.push(link.pathname);
    }
  }
  return { paths: [...requested], pages: [...checked] };
}

/**
 * Pages reached only through something that happened, such as the link in a password-reset mail: make it happen and
 * return the paths to start from. The mail arrives at the suite's SMTP server (or, without SMTP_URL, in /dev/mail,
 * whose pages the crawl then finds by their links).
 */
async function somethingToLinkTo(request: APIRequestContext, teammate: number): Promise<string[]> {
  // A teammate of its own per crawl: an address gets three reset mails an hour, and the crawls run side by side.
  const email = emailOf(TEAM[teammate % TEAM.length]!);
  const res = await request.post('/api/v1/auth/password-reset', { data: { email } });
  expect(res.status()).toBe(202);
  if (!process.env.E2E_MAIL_URL) return [];
  const link = firstLink(await readMail(email, { subject: /password/i }));
  expect(link, 'the reset mail carries a link').not.toBeNull();
  // A team invite, emailed to someone not yet in Demo Motors: its link opens the invite page.
  const { access } = await (await request.post('/api/v1/auth/token', { data: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password } })).json();
  const owner = { authorization: `Bearer ${access}` };
  const team = (await (await request.get('/api/v1/teams', { headers: owner })).json()).results[0];
  const invitee = `invitee-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  expect((await request.post('/api/v1/invites', { headers: owner, data: [{ email: invitee, teamId: team.id }] })).status()).toBe(201);
  const invite = firstLink(await readMail(invitee, { subject: /Join/ }));
  expect(invite, 'the invite mail carries a link').not.toBeNull();
  // An access link emailed to the demo's customer (an external user): its "Continue as …" page (opening spends nothing).
  const conversations = (await (await request.get('/api/v1/conversations?limit=100', { headers: owner })).json()).results as { participants: { userId: string; external: boolean }[] }[];
  const customer = conversations.flatMap((c) => c.participants).find((p) => p.external);
  expect(customer, 'the demo has a customer to chat with').toBeDefined();
  const customerEmail = `customer-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  expect((await request.post('/api/v1/access-tokens', { headers: owner, data: { virtualUser: customer!.userId, email: customerEmail } })).status()).toBeLessThan(300);
  const accessLink = firstLink(await readMail(customerEmail, { subject: /Your link to chat/ }));
  expect(accessLink, 'the access-link mail carries a link').not.toBeNull();
  return [new URL(link!).pathname, new URL(invite!).pathname, new URL(accessLink!).pathname];
}

/** Pages that exist only in another configuration: the development mailbox is off while SMTP_URL is set. */
async function pagesOffHere(request: APIRequestContext): Promise<string[]> {
  return (await request.get('/dev/mail')).status() === 404 ? ['/dev/mail/[id]'] : [];
}

// A crawl takes 3–7 min on CI's machine; on a machine 2–3× slower (or with other suites sharing its two cores) the
// heaviest part took 15.5 min and was cut off while still taking screenshots. The time it is given is not what it is
// expected to take.
const CRAWL_TIMEOUT_MS = 25 * 60_000;

test('every page signed out: fits a phone, passes axe, screenshotted', async ({ page, request }) => {
  test.setTimeout(CRAWL_TIMEOUT_MS);
  const happened = await somethingToLinkTo(request, 3);
  // Any organization id sends a signed-out visitor to sign in; a made-up path is the 404 page.
  const org = '00000000-0000-4000-8000-000000000000';
  const { pages } = await crawl(page, 'signed-out', { org }, ['/no-such-page', ...happened]);
  expect(pages).toEqual(expect.arrayContaining(['/login', '/register', '/no-such-page', '/docs/api']));
});

// Signed in there are many pages (coaching, live calls, settings): two halves on two workers, each walking the whole
// app for its links but checking only its own share of the page kinds (split by a hash of the route, so stable).
const SIGNED_IN_PARTS = 3;
const partOf = (kind: string) => [...kind].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % SIGNED_IN_PARTS;

for (let part = 0; part < SIGNED_IN_PARTS; part++) {
  test(`every page signed in as the demo owner (part ${part + 1} of ${SIGNED_IN_PARTS}): fits a phone, passes axe, screenshotted`, async ({ page, request }) => {
    test.setTimeout(CRAWL_TIMEOUT_MS);
    const happened = await somethingToLinkTo(request, part);
    await signIn(page, DEMO_LOGIN.email, DEMO_LOGIN.password);
    const org = new URL(page.url()).pathname.split('/')[1]!;
    const off = await pagesOffHere(request);
    const routes = appPageRoutes().filter((r) => !off.includes(r.pattern));
    // The crawl opens one page of each kind, so which member's page it opens first decides whether a link to a session
    // is found: start from one of the demo's sessions too.
    const { access } = await (await request.post('/api/v1/auth/token', { data: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password } })).json();
    const sessions = await (await request.get('/api/v1/sessions?limit=1', { headers: { authorization: `Bearer ${access}`, 'x-organization-id': org } })).json();
    expect(sessions.results, 'the demo has practice sessions').toHaveLength(1);
    const { paths, pages } = await crawl(page, 'signed-in', { org }, ['/no-such-page', ...happened, `/${org}/sessions/${sessions.results[0].id}`], (kind) => partOf(kind) === part);
    expect(pages).toEqual(expect.arrayContaining([`/${org}`, `/${org}/settings/organization`, '/onboarding', '/no-such-page', '/docs/api']));
    // A page that needs an id no link led to is not checked: link to it from a page, or teach this spec its id.
    // Only the pages with an id of their own: the static ones (each a start of the crawl) are never an instance of one.
    const statics = new Set(routes.map((r) => fillRoute(r, { org })).filter((u): u is string => u !== null));
    const unreached = routes.filter((r) => fillRoute(r, { org }) === null && !paths.some((p) => !statics.has(p) && matchesRoute(r, p))).map((r) => r.pattern);
    expect(unreached, 'pages no link reached').toEqual([]);
  });
}

// Maximum-length text in every field the pages show (names, opportunity, module steps and keywords, chat, note, lead,
// key name, invite address): every page of that organization fits both screens. Axe ran on the same pages above.
test('every page with long-text specimens fits a phone and a desktop', async ({ page, baseURL }) => {
  test.setTimeout(CRAWL_TIMEOUT_MS);
  const s = await seedLongTextSpecimens(baseURL!);
  await signIn(page, s.email, s.password);
  const org = s.organizationId;
  const starts = [`/${org}/sessions/${s.sessionId}`, `/${org}/calls/${s.callId}`, `/${org}/teams/${s.teamId}`, `/${org}/teams/${s.teamId}/settings`, `/${org}/products/${s.productId}`, `/${org}/people/${s.userId}`];
  // Pages that are not about the organization's data (the API reference, the mailbox, sign-up) are left to the passes above.
  const { pages } = await crawl(page, 'long-text', { org }, starts, (kind) => kind.startsWith('/org') || kind === '/onboarding', { axe: false });
  expect(pages).toEqual(expect.arrayContaining(['/[org]/sessions/[id]', '/[org]/calls/[id]', '/[org]/teams/[id]/settings', `/${org}/calls`, `/${org}/settings/api-keys`]));
});
