// A browser session (next-auth) that began before the password changed is refused by tRPC, over real HTTP: the
// procedures check the session's sign-in time against the account in the same read that builds their context.
import { expect, test } from '@playwright/test';
import { bootstrapTenant } from '../fixtures/tenant';

test('tRPC refuses a browser session once the password changed after it began; a fresh sign-in works', async ({ playwright, baseURL }) => {
  const t = await bootstrapTenant(baseURL!, 'session-ends');
  const browser = await playwright.request.newContext({ baseURL });
  const signIn = async (password: string) => {
    const { csrfToken } = await (await browser.get('/api/auth/csrf')).json();
    await browser.post('/api/auth/callback/credentials', { form: { login: t.email, password, csrfToken, json: 'true' } });
  };
  const me = () => browser.get('/api/trpc/account.me', { headers: { 'x-organization-id': t.organizationId } });

  await signIn(t.password);
  const before = await me();
  expect(before.status()).toBe(200);
  expect((await before.json()).result.data.json.email).toBe(t.email);

  const changed = await browser.post('/api/v1/auth/change-password', { headers: { authorization: `Bearer ${t.access}` }, data: { password: t.password, newPassword: 'a brand new passphrase 2026' } });
  expect(changed.status()).toBe(204);
  const after = await me();
  expect(after.status()).toBe(401);
  expect((await after.json()).error.json.data.code).toBe('UNAUTHORIZED');

  await signIn('a brand new passphrase 2026');
  expect((await me()).status()).toBe(200);
  await browser.dispose();
});
