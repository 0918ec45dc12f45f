// The coaching editors in the browser: building a product's modules (inline validation from the shared schema,
// reorder by dragging and by keyboard, delete after a confirm), a team's invites (several at once, revoke) and people
// (remove, purge only when asked), and lists whose sorting and filters live in the URL.
import type { Page } from '@playwright/test';
import { addMember } from '../fixtures/membership';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { expect, test } from './test';
import { signIn } from './sign-in';

const moduleNames = (page: Page) => page.getByRole('list', { name: 'Modules' }).getByRole('listitem').evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));

test('a manager builds a product: add modules with inline validation, reorder by drag and keyboard, delete', async ({ page, baseURL, request }) => {
  const tenant = await bootstrapTenant(baseURL!, 'editor');
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/${tenant.organizationId}/products`);
  await expect(page.getByText('No products yet')).toBeVisible();
  await page.getByLabel('Product name').fill('Service Plans');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('heading', { name: 'Service Plans', level: 1 })).toBeVisible();

  await test.step('inline errors come from the same schema as the server', async () => {
    const add = page.getByRole('region', { name: 'Add a module' });
    await add.getByLabel('Target time (seconds)').fill('5');
    await add.getByRole('button', { name: 'Add module' }).click();
    await expect(add.getByText('Name is required')).toBeVisible();
    await expect(add.getByText('Must be at least 10 seconds')).toBeVisible();
    await add.getByRole('button', { name: 'Add a step' }).click();
    await add.getByRole('button', { name: 'Add module' }).click();
    await expect(add.getByText('Must not be empty')).toBeVisible();
    await snap(page, 'editor-01-validation');
  });

  await test.step('add three modules with steps and keywords', async () => {
    const add = page.getByRole('region', { name: 'Add a module' });
    for (const [i, name] of ['Greeting', 'Needs', 'Close'].entries()) {
      await add.getByLabel('Module name').fill(name);
      await add.getByLabel('Target time (seconds)').fill(String(30 + i * 15));
      // The form keeps the empty step the validation step added for the first module; later ones start with none.
      if (i > 0) await add.getByRole('button', { name: 'Add a step' }).click();
      await add.getByLabel('Step 1', { exact: true }).fill(i === 0 ? 'Say hello and your name' : `Step for ${name}`);
      await add.getByLabel('Keywords').fill('warranty, free trial');
      await add.getByLabel('Keywords').press('Enter');
      await add.getByRole('button', { name: 'Add module' }).click();
      await expect(page.getByRole('list', { name: 'Modules' }).getByRole('listitem', { name })).toBeVisible();
    }
    expect(await moduleNames(page)).toEqual(['Greeting', 'Needs', 'Close']);
  });

  await test.step('drag a module by its handle', async () => {
    const handle = page.getByRole('button', { name: 'Reorder Close' });
    const target = page.getByRole('button', { name: 'Reorder Greeting' });
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 5, { steps: 15 });
    await page.mouse.up();
    await expect.poll(() => moduleNames(page)).toEqual(['Close', 'Greeting', 'Needs']);
    // Saved (and the list refetched) before the next move, as a user would see it.
    await expect(page.getByRole('status').filter({ hasText: 'Order saved' })).toBeVisible();
  });

  await test.step('move one with the keyboard: Space, arrow, Space', async () => {
    await page.getByRole('button', { name: 'Reorder Needs' }).focus();
    // Each key waits for what a screen reader would hear, so a busy machine cannot outrun the drag it starts.
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Reorder Needs' })).toHaveAttribute('aria-pressed', 'true');
    // dnd-kit drops an arrow pressed before it has measured the list (its key listener starts on a timer, the rows'
    // places a render later): a user would press again, and so does this — only while the last thing announced says
    // it has not moved (picked up, or over its own place), so a move that did happen is never made twice.
    const unmoved = page.getByText(/^(Picked up Needs, position 3 of 3|Needs is over position 3 of 3)\.$/);
    await expect(async () => {
      if (await unmoved.count()) await page.keyboard.press('ArrowUp');
      await expect(page.getByText('Needs is over position 2 of 3.', { exact: true })).toBeAttached({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.press('ArrowUp');
    await expect(page.getByText('Needs is over position 1 of 3.', { exact: true })).toBeAttached();
    const saved = page.waitForResponse((r) => r.url().includes('products.updateModule') && r.request().method() === 'POST');
    await page.keyboard.press('Space');
    await expect.poll(() => moduleNames(page)).toEqual(['Needs', 'Close', 'Greeting']);
    expect((await saved).status(), "the move's save").toBe(200);
    await page.reload();
    await expect.poll(() => moduleNames(page)).toEqual(['Needs', 'Close', 'Greeting']);
    const api = await request.get(`/api/v1/products?search=Service`, { headers: { 'x-api-key': tenant.apiKey } });
    const product = (await api.json()).results[0];
    const modules = await (await request.get(`/api/v1/products/${product.id}/modules`, { headers: { 'x-api-key': tenant.apiKey } })).json();
    expect(modules.results.map((m: { name: string; position: number }) => `${m.position}:${m.name}`)).toEqual(['0:Needs', '1:Close', '2:Greeting']);
    await snap(page, 'editor-02-reordered');
  });

  await test.step('edit a module in place, then delete one after a confirm', async () => {
    await page.getByRole('button', { name: 'Edit Close' }).click();
    const item = page.getByRole('list', { name: 'Modules' }).getByRole('listitem', { name: 'Close' });
    await item.getByLabel('Module name').fill('Closing the deal');
    await item.getByRole('button', { name: 'Save module' }).click();
    await expect(page.getByText('Module “Closing the deal” saved')).toBeVisible();
    await page.getByRole('button', { name: 'Delete Greeting' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete “Greeting”?' });
    await expect(dialog).toBeVisible();
    await snap(page, 'editor-03-delete-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await moduleNames(page)).toEqual(['Needs', 'Closing the deal', 'Greeting']);
    await page.getByRole('button', { name: 'Delete Greeting' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete module' }).click();
    await expect.poll(() => moduleNames(page)).toEqual(['Needs', 'Closing the deal']);
  });

  await test.step('delete the product with its modules', async () => {
    await page.getByRole('button', { name: 'Delete product' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Delete “Service Plans”?' })).toContainText('Its 2 modules go with it');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete product' }).click();
    await expect(page).toHaveURL(new RegExp(`/${tenant.organizationId}/products$`));
    await expect(page.getByText('No products yet')).toBeVisible();
  });
});

test('team settings: invite several at once with roles, revoke, remove with and without purge; lists keep their state in the URL', async ({ page, baseURL, request }) => {
  const tenant = await bootstrapTenant(baseURL!, 'settings');
  const headers = { 'x-api-key': tenant.apiKey };
  const team = await (await request.post('/api/v1/teams', { headers, data: { name: 'Night Shift' } })).json();
  const product = await (await request.post('/api/v1/products', { headers, data: { name: 'Tyres' } })).json();
  const module = await (await request.post(`/api/v1/products/${product.id}/modules`, { headers, data: { name: 'Winter tyres', targetTime: 30, keywords: ['grip'] } })).json();
  // Two reps already on the team, each with sessions (recorded through the API as themselves).
  const reps: { email: string; id: string; access: string }[] = [];
  for (const name of ['Ann', 'Bob']) {
    const email = `${name.toLowerCase()}-${Date.now()}@example.test`;
    const user = await (await request.post('/api/v1/auth/register', { data: { email, password: 'long enough password', firstName: name, lastName: 'Night' } })).json();
    await addMember(tenant.organizationId, user.id, 'member', team.id);
    const { access } = await (await request.post('/api/v1/auth/token', { data: { email, password: 'long enough password' } })).json();
    reps.push({ email, id: user.id, access });
    for (const [i, text] of ['um so our grip is great', 'our winter tyres give you grip on ice'].entries()) {
      const words = text.split(' ').map((w, j) => ({ text: w, start: j * 0.4, end: j * 0.4 + 0.3 }));
      const res = await request.post('/api/v1/sessions', { headers: { authorization: `Bearer ${access}`, 'x-organization-id': tenant.organizationId }, data: { moduleId: module.id, transcript: { words }, recordedAt: `2026-0${i + 1}-15T10:00:00Z` } });
      expect(res.status()).toBe(201);
    }
  }
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/${tenant.organizationId}/teams/${team.id}/settings`);

  await test.step('paste a list of addresses: one row each; a bad one refuses the batch and is marked', async () => {
    const first = page.getByLabel('Email 1');
    await first.focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text', 'carla@example.test, dan@example.test\nnot-an-email');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(page.getByLabel('Email 3')).toHaveValue('not-an-email');
    await page.getByLabel('Role 2').selectOption('manager');
    await page.getByRole('button', { name: 'Send 3 invites' }).click();
    await expect(page.getByLabel('Email 3')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Enter an email address, like name@company.com')).toBeVisible();
    await snap(page, 'settings-01-invite-error');
    await page.getByRole('button', { name: 'Remove row 3' }).click();
    await page.getByRole('button', { name: 'Send 2 invites' }).click();
    await expect(page.getByText('2 invites sent to join Night Shift')).toBeVisible();
    const pending = page.getByRole('table', { name: 'Pending invites' });
    await expect(pending.getByRole('row', { name: /dan@example.test/ })).toContainText('Manager');
    await expect(pending.getByRole('row', { name: /carla@example.test/ })).toContainText('Member');
  });

  await test.step('revoke an invite', async () => {
    await page.getByRole('button', { name: 'Revoke the invite to carla@example.test' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke invite' }).click();
    await expect(page.getByRole('table', { name: 'Pending invites' }).getByRole('row', { name: /carla@example.test/ })).toHaveCount(0);
  });

  await test.step('remove Ann keeping her sessions; remove Bob and purge his, after saying so', async () => {
    await page.getByRole('button', { name: 'Remove Ann Night' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove Ann Night from Night Shift?' });
    await expect(dialog.getByRole('button', { name: 'Remove from team' })).toBeVisible();
    // A quick manager reaches for the next row the instant the first removal lands (before the browser has
    // delivered the first dialog's close event): the second dialog must open and stay open.
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (!document.body.textContent!.includes('Ann Night removed from the team')) return;
        observer.disconnect();
        document.querySelector<HTMLButtonElement>('button[aria-label="Remove Bob Night"]')!.click();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await dialog.getByRole('button', { name: 'Remove from team' }).click();
    await expect(page.getByText('Ann Night removed from the team')).toBeVisible();
    const purge = page.getByRole('alertdialog', { name: 'Remove Bob Night from Night Shift?' });
    await expect(purge).toBeVisible();
    await page.waitForTimeout(300); // a stale close event would have shut it by now
    await expect(purge, 'the first dialog’s close event must not shut the second').toBeVisible();
    await expect(purge.getByLabel('Also delete their 2 practice sessions')).not.toBeChecked();
    await purge.getByLabel('Also delete their 2 practice sessions').check();
    await expect(purge.getByRole('button', { name: 'Remove and delete sessions' })).toBeVisible();
    await snap(page, 'settings-02-purge-confirm', { fullPage: false });
    await purge.getByRole('button', { name: 'Remove and delete sessions' }).click();
    await expect(page.getByText('Bob Night removed from the team and 2 sessions deleted')).toBeVisible();
    await expect(page.getByRole('table', { name: 'People on the team' }).getByRole('row')).toHaveCount(2);
    const sessionsOf = async (rep: { access: string; id: string }) =>
      (await (await request.get(`/api/v1/sessions?userId=${rep.id}`, { headers: { authorization: `Bearer ${rep.access}`, 'x-organization-id': tenant.organizationId } })).json()).count;
    expect(await sessionsOf(reps[0]!)).toBe(2);
    expect(await sessionsOf(reps[1]!)).toBe(0);
  });

  await test.step('a member’s sessions: filters and sorting live in the URL and survive a reload', async () => {
    await page.goto(`/${tenant.organizationId}/people/${reps[0]!.id}`);
    await expect(page.getByRole('heading', { name: 'Ann Night' })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Sessions' }).getByRole('row');
    await expect(rows).toHaveCount(3);
    await page.getByRole('button', { name: 'Score' }).click();
    await expect(page).toHaveURL(/ordering=-score/);
    await page.getByLabel('From').fill('2026-02-01');
    await expect(page).toHaveURL(/from=2026-02-01/);
    await expect(rows).toHaveCount(2);
    await page.reload();
    await expect(page.getByLabel('From')).toHaveValue('2026-02-01');
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole('columnheader', { name: 'Score' })).toHaveAttribute('aria-sort', 'descending');
    await snap(page, 'settings-03-member-sessions');
  });
});
