// A member starts conversations and sends access links from the browser: "Send a link" from the inbox (defaults 5 uses
// and 7 days shown, a text message without an SMS provider refused beside the form with nothing lost, a new link, then
// the still-valid one sent again — read from the suite's SMTP server), "New conversation" for a chat (a second one with
// the same person opens the first) and a named group whose admin removes and adds people (a participant who is not an
// admin sees no such controls), and the Customers page, where a customer's access ends after a confirmation.
// Screenshots at 1366×900 and 390×844.
import { firstLink, readMail, type SentMail } from '../fixtures/mail-sink';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Every link email that reached `to`, oldest first. */
const linkMailsTo = async (to: string) =>
  ((await (await fetch(`${process.env.E2E_MAIL_URL}/?to=${encodeURIComponent(to)}`)).json()) as SentMail[]).filter((m) => /Your link to chat/.test(m.subject));

test('a member starts a chat and a group and sends a link from the inbox; a group admin manages its people', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(240_000);
  const tenant = await bootstrapTenant(baseURL!, 'chat-start');
  const key = { 'x-api-key': tenant.apiKey };
  const tag = Date.now().toString(36);
  const colleague = async (firstName: string) => {
    const email = `${firstName.toLowerCase()}-${tag}@example.test`;
    const res = await request.post('/api/v1/users', { headers: key, data: { email, firstName, lastName: 'Colleague', role: 'member', password: 'correct horse battery staple' } });
    expect(res.status()).toBe(201);
    return { email, name: `${firstName} Colleague` };
  };
  const ben = await colleague('Ben');
  const cara = await colleague('Cara');

  await page.setViewportSize(DESKTOP);
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conversations' }).click();
  await expect(page.getByRole('heading', { name: 'No conversations yet' })).toBeVisible();
  await snap(page, 'chat-start-01-empty-inbox');

  // Send a link to a new customer: the defaults are shown; texting without an SMS provider is refused beside the form.
  await page.getByRole('button', { name: 'Send a link' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Send a link' });
  await expect(linkDialog.getByLabel('Works how many times')).toHaveValue('5');
  const inAWeek = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 7);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(linkDialog.getByLabel('Works through')).toHaveValue(inAWeek);
  await linkDialog.getByRole('button', { name: 'Send link' }).click();
  await expect(linkDialog.getByText('Give the customer’s name')).toBeVisible();
  await linkDialog.getByLabel('Customer’s name').fill('Maria Lopez');
  await linkDialog.getByRole('radio', { name: 'Text message' }).check();
  await linkDialog.getByLabel('Mobile number').fill('+1 202 555 0147');
  await linkDialog.getByRole('button', { name: 'Send link' }).click();
  await expect(linkDialog.getByRole('alert').filter({ hasText: 'No active SMS provider' })).toBeVisible();
  await expect(linkDialog.getByLabel('Customer’s name')).toHaveValue('Maria Lopez');
  await snap(page, 'chat-start-02-link-sms-refused', { fullPage: false });
  const customerEmail = `maria-${tag}@example.test`;
  await linkDialog.getByRole('radio', { name: 'Email' }).check();
  await linkDialog.getByLabel('Email address').fill(customerEmail);
  await linkDialog.getByRole('button', { name: 'Send link' }).click();
  const sentDialog = page.getByRole('dialog', { name: 'A new link was sent' });
  await expect(sentDialog.getByText(`A new link for Maria Lopez is on its way to ${customerEmail}.`)).toBeVisible();
  await snap(page, 'chat-start-03-link-sent', { fullPage: false });
  const link = firstLink(await readMail(customerEmail, { subject: /Your link to chat/ }));
  expect(link).toMatch(/\/access\/pal_/);
  await sentDialog.getByRole('button', { name: 'Done' }).click();

  // Asking again while the link works sends that same link again, and says so.
  await page.getByRole('button', { name: 'Send a link' }).click();
  await linkDialog.getByLabel('Customer’s name').fill('Maria Lopez');
  await linkDialog.getByLabel('Email address').fill(customerEmail);
  await linkDialog.getByRole('button', { name: 'Send link' }).click();
  const againDialog = page.getByRole('dialog', { name: 'The link still valid was sent again' });
  await expect(againDialog.getByText(/no new one was made/)).toBeVisible();
  await againDialog.getByRole('button', { name: 'Chat with Maria Lopez' }).click();
  await expect(page.getByRole('heading', { name: 'Maria Lopez', level: 1 })).toBeVisible();
  await expect.poll(async () => (await linkMailsTo(customerEmail)).map(firstLink), { timeout: 20_000 }).toEqual([link, link]);

  // New conversation: nobody picked is refused; one person is a chat.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conversations' }).click();
  await page.getByRole('button', { name: 'New conversation' }).click();
  const newDialog = page.getByRole('dialog', { name: 'New conversation' });
  await newDialog.getByRole('button', { name: 'Start chat' }).click();
  await expect(newDialog.getByText('Pick at least one person to talk with')).toBeVisible();
  await newDialog.getByRole('searchbox').fill('ben');
  await newDialog.getByRole('checkbox', { name: new RegExp(ben.name) }).check();
  await snap(page, 'chat-start-04-new-chat', { fullPage: false });
  await newDialog.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('heading', { name: ben.name, level: 1 })).toBeVisible();
  const chatUrl = page.url();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Hi Ben, can you take the 3 pm test drive?');
  await composer.press('Enter');
  await expect(page.getByRole('log', { name: 'Messages' }).getByText('Hi Ben, can you take the 3 pm test drive?')).toBeVisible();

  // A second chat with Ben opens the first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conversations' }).click();
  await page.getByRole('button', { name: 'New conversation' }).click();
  await newDialog.getByRole('checkbox', { name: new RegExp(ben.name) }).check();
  await newDialog.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByText(`You already chat with ${ben.name}: here is that conversation`)).toBeVisible();
  await expect(page).toHaveURL(chatUrl);
  await expect(page.getByRole('log', { name: 'Messages' }).getByText('Hi Ben, can you take the 3 pm test drive?')).toBeVisible();

  // Several people make a group, with a name.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conversations' }).click();
  await page.getByRole('button', { name: 'New conversation' }).click();
  await newDialog.getByRole('checkbox', { name: new RegExp(ben.name) }).check();
  await newDialog.getByRole('checkbox', { name: new RegExp(cara.name) }).check();
  await newDialog.getByLabel('Group name').fill('Deal room');
  await newDialog.getByRole('button', { name: 'Start group of 3' }).click();
  await expect(page.getByRole('heading', { name: 'Deal room', level: 1 })).toBeVisible();
  const groupUrl = page.url();

  // Its admin removes Cara (after a confirmation) and adds the customer.
  await page.getByRole('button', { name: 'People · 3' }).click();
  const people = page.getByRole('dialog', { name: 'People in this conversation' });
  await people.getByRole('button', { name: `Remove ${cara.name}` }).click();
  await people.getByRole('group', { name: `Remove ${cara.name}?` }).getByRole('button', { name: 'Remove' }).click();
  await expect(people.getByRole('list', { name: 'Participants' }).getByText(cara.name)).toHaveCount(0);
  await people.getByRole('button', { name: 'Add people' }).click();
  await people.getByRole('searchbox').fill('maria');
  await people.getByRole('checkbox', { name: /Maria Lopez/ }).check();
  await people.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(people.getByRole('list', { name: 'Participants' }).getByText('Maria Lopez')).toBeVisible();
  await snap(page, 'chat-start-05-group-people', { fullPage: false });
  await people.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'People · 3' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Message' }).fill('Welcome to the deal room, Maria.');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(page.getByRole('log', { name: 'Messages' }).getByText('Welcome to the deal room, Maria.')).toBeVisible();
  await snap(page, 'chat-start-06-group-desktop');

  // At phone width the conversation page fits the screen: the messages scroll, the page does not.
  await page.setViewportSize(PHONE);
  await expect(page.getByRole('log', { name: 'Messages' }).getByText('Welcome to the deal room, Maria.')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeInViewport();
  await snap(page, 'chat-start-07-group-phone', { fullPage: false });

  // Ben, not an admin, sees who takes part but no controls.
  const benContext = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const benPage = await benContext.newPage();
  await signIn(benPage, ben.email, 'correct horse battery staple');
  await benPage.goto(new URL(groupUrl).pathname);
  await benPage.getByRole('button', { name: 'People · 3' }).click();
  const benPeople = benPage.getByRole('dialog', { name: 'People in this conversation' });
  await expect(benPeople.getByText('Only the group’s admins can add or remove people.')).toBeVisible();
  await expect(benPeople.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(benPeople.getByRole('button', { name: 'Add people' })).toHaveCount(0);
  await snap(benPage, 'chat-start-08-people-not-admin-phone', { fullPage: false });
  await benContext.close();

  // Customers: Maria's link works; ending her access (confirmed) says so at once.
  await page.setViewportSize(DESKTOP);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Maria Lopez' });
  await expect(row.getByText('Link works')).toBeVisible();
  await expect(row.getByText('Used 0 of 5')).toBeVisible();
  // The whole row fits the table: nothing scrolls sideways at 1366 px.
  await expect(row.getByRole('button', { name: 'End Maria Lopez’s access' })).toBeInViewport({ ratio: 1 });
  await snap(page, 'chat-start-09-customers-desktop');
  await row.getByRole('button', { name: 'End Maria Lopez’s access' }).click();
  await page.getByRole('alertdialog', { name: 'End Maria Lopez’s access?' }).getByRole('button', { name: 'End access' }).click();
  await expect(row.getByText('No access')).toBeVisible();
  // The link she was sent no longer works.
  expect((await request.get(new URL(link!).pathname)).status()).toBe(410);
  await page.setViewportSize(PHONE);
  await snap(page, 'chat-start-10-customers-phone');
});
