// A customer reached by an access link: the link is emailed (read from the suite's SMTP server), opened (which spends
// nothing — mail scanners open links), confirmed; the customer chats with a member on a phone, the member sees the
// message arrive live in the conversations inbox and answers, and the customer sees the answer live. A used-up link
// is the expired page (410); an unknown one is the 404 page; the customer can leave the chat. Screenshots at 1366×900
// and 390×844.
import pg from 'pg';
import { firstLink, readMail } from '../fixtures/mail-sink';
import { bootstrapTenant } from '../fixtures/tenant';
import { guardConsole } from './console-guard';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function usesOf(token: string): Promise<number> {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    const { createHash } = await import('node:crypto');
    const { rows } = await db.query<{ uses: number }>('SELECT uses FROM "AccessLink" WHERE "tokenHash" = $1', [createHash('sha256').update(token).digest('hex')]);
    return rows[0]!.uses;
  } finally {
    await db.end();
  }
}

test('an emailed access link: opened, confirmed, a live chat with a member on a phone', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(180_000);
  const tenant = await bootstrapTenant(baseURL!, 'links-chat');
  const key = { 'x-api-key': tenant.apiKey };
  const registered = await (await request.post('/api/v1/external-users', { headers: key, data: { uniqueId: `web-${Date.now()}`, platform: 'web', deviceName: 'Maria Lopez', hardwareId: 'browser', osVersion: '1' } })).json();
  // The member (the organization's owner) starts the chat with the customer.
  const member = { authorization: `Bearer ${tenant.access}`, 'x-organization-id': tenant.organizationId };
  const chat = await request.post('/api/v1/conversations', { headers: member, data: { type: 'chat', participants: [{ userId: registered.virtualUser }] } });
  expect(chat.status()).toBe(201);
  const customerEmail = `maria-${Date.now()}@example.test`;
  const sent = await request.post('/api/v1/access-tokens', { headers: key, data: { virtualUser: registered.virtualUser, email: customerEmail, maxUses: 2 } });
  expect(sent.status()).toBe(201);
  const link = firstLink(await readMail(customerEmail, { subject: /Your link to chat/ }));
  expect(link).not.toBeNull();
  const token = new URL(link!).pathname.split('/').pop()!;

  // A mail scanner fetching the link, twice: the page answers, no use is spent.
  for (let i = 0; i < 2; i++) expect((await request.get(new URL(link!).pathname)).status()).toBe(200);
  expect(await usesOf(token)).toBe(0);

  // The customer, on a phone.
  const phoneContext = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const customer = await phoneContext.newPage();
  const customerProblems = guardConsole(customer);
  await customer.goto(new URL(link!).pathname);
  await expect(customer.getByRole('heading', { name: 'Continue as Maria Lopez' })).toBeVisible();
  expect(await usesOf(token)).toBe(0);
  await snap(customer, 'access-link-01-confirm-phone');
  await customer.getByRole('button', { name: 'Continue as Maria Lopez' }).click();
  await expect(customer).toHaveURL(/\/chat$/);
  expect(await usesOf(token)).toBe(1);
  const composer = customer.getByRole('textbox', { name: 'Message' });
  await expect(composer).toBeVisible();
  await expect(customer.getByText('No messages yet. Say hello below.')).toBeVisible();
  // Empty is refused with a clear message; Enter sends.
  await composer.press('Enter');
  await expect(customer.getByText('Write a message first')).toBeVisible();
  await composer.fill('Hello! Is the blue SUV still available?');
  await composer.press('Enter');
  await expect(customer.getByRole('log', { name: 'Messages' }).getByText('Hello! Is the blue SUV still available?')).toBeVisible();
  await expect(composer).toHaveValue('');

  // The member, at a desk: the inbox shows it unread; the conversation shows it, and new messages arrive live.
  await page.setViewportSize(DESKTOP);
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conversations' }).click();
  await expect(page.getByRole('heading', { name: 'Conversations', level: 1 })).toBeVisible();
  await expect(page.getByText('1 unread')).toBeVisible();
  await expect(page.getByText('Hello! Is the blue SUV still available?')).toBeVisible();
  await snap(page, 'access-link-02-inbox-desktop');
  await page.getByRole('link', { name: /Maria Lopez/ }).click();
  await expect(page.getByRole('heading', { name: 'Maria Lopez', level: 1 })).toBeVisible();
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.getByText('Hello! Is the blue SUV still available?')).toBeVisible();

  // The customer writes again: it arrives on the member's open page without a reload.
  await composer.fill('I could come by on Saturday.');
  await composer.press('Enter');
  await expect(log.getByText('I could come by on Saturday.')).toBeVisible({ timeout: 15_000 });
  // The member answers (Shift+Enter makes a new line); the customer sees it live.
  const answer = page.getByRole('textbox', { name: 'Message' });
  await answer.fill('Yes, it is!');
  await answer.press('Shift+Enter');
  await answer.pressSequentially('Saturday at 10 works.');
  await answer.press('Enter');
  await expect(customer.getByRole('log', { name: 'Messages' }).getByText(/Yes, it is!\s+Saturday at 10 works\./)).toBeVisible({ timeout: 15_000 });
  await snap(page, 'access-link-03-conversation-desktop');
  await snap(customer, 'access-link-04-chat-phone', { fullPage: false });
  // The chat fits the phone: nothing wider than the screen.
  expect(await customer.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  // And the member's conversation page at phone width.
  await page.setViewportSize(PHONE);
  await expect(log.getByText('I could come by on Saturday.')).toBeVisible();
  // It fits the screen: the messages scroll, the page does not (it was ~20 px taller than an 844-px phone).
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  await expect(answer).toBeInViewport();
  await snap(page, 'access-link-05-conversation-phone', { fullPage: false });
  // The customer's chat at desktop width.
  await customer.setViewportSize(DESKTOP);
  await snap(customer, 'access-link-06-chat-desktop', { fullPage: false });

  // Too long a message is refused in the browser and nothing is lost from the box.
  await composer.fill('x'.repeat(4001));
  await composer.press('Enter');
  await expect(customer.getByText(/at most 4,000 characters/)).toBeVisible();
  await expect(composer).toHaveValue('x'.repeat(4001));
  // The customer leaves: this browser's guest session ends, and /chat says how to come back.
  await customer.setViewportSize(PHONE);
  await composer.fill('');
  await customer.getByRole('button', { name: 'Leave' }).click();
  await expect(customer.getByRole('heading', { name: 'You left the chat' })).toBeVisible();
  await snap(customer, 'access-link-08-left-phone', { fullPage: false });
  await customer.goto('/chat');
  await expect(customer.getByRole('heading', { name: 'Open your link to chat' })).toBeVisible();
  expect(customerProblems(), 'errors on the customer’s page').toEqual([]);
  await phoneContext.close();
});

test('a used-up link is the expired page (410), an unknown one the 404 page', async ({ page, baseURL, request }) => {
  const tenant = await bootstrapTenant(baseURL!, 'links-expired');
  const key = { 'x-api-key': tenant.apiKey };
  const registered = await (await request.post('/api/v1/external-users', { headers: key, data: { uniqueId: `web-${Date.now()}`, platform: 'web', deviceName: 'Sam', hardwareId: 'b', osVersion: '1' } })).json();
  const email = `sam-${Date.now()}@example.test`;
  expect((await request.post('/api/v1/access-tokens', { headers: key, data: { virtualUser: registered.virtualUser, email, maxUses: 1 } })).status()).toBe(201);
  const link = new URL(firstLink(await readMail(email, { subject: /Your link to chat/ }))!).pathname;
  const token = link.split('/').pop()!;
  expect((await request.post(`/api/v1/access-tokens/${token}/redeem`)).status()).toBe(200);

  const expired = await page.goto(link);
  expect(expired?.status()).toBe(410);
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await snap(page, 'access-link-07-expired');
  const unknown = await page.goto('/access/pal_no-such-link-anywhere');
  expect(unknown?.status()).toBe(404);
  // Without a guest session, /chat says how to get in.
  await page.goto('/chat');
  await expect(page.getByRole('heading', { name: 'Open your link to chat' })).toBeVisible();
  // Cards of text only end with their text: the card's padding (32 px) and nothing more under it.
  const gapUnderText = (heading: string) =>
    page.getByRole('heading', { name: heading }).evaluate((h) => {
      const card = h.parentElement!.parentElement!;
      return card.getBoundingClientRect().bottom - h.parentElement!.getBoundingClientRect().bottom;
    });
  expect(await gapUnderText('Open your link to chat')).toBeLessThanOrEqual(33);
  await page.goto(link);
  expect(await gapUnderText('This link has expired')).toBeLessThanOrEqual(33);
});
