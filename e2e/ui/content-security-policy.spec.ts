// Pages run under a strict Content-Security-Policy with a fresh nonce per request: Next's own scripts run (the app
// works, with no violation logged), an injected inline script does not, and the API reference still renders.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { guardConsole } from './console-guard';

test('pages carry a nonce-based policy that Next uses and injected scripts cannot pass', async ({ page, request }) => {
  const problems = guardConsole(page);
  const first = await request.get('/login');
  const second = await request.get('/login');
  const policy = first.headers()['content-security-policy']!;
  const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()['content-security-policy']).not.toContain(nonce!);
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).toContain("frame-ancestors 'none'");
  // Every script Next wrote into the page carries this request's nonce.
  const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // The page works: registering an account signs in and lands on onboarding, scripts and all.
  await page.goto('/register');
  await page.getByLabel('First name').fill('Nonce');
  await page.getByLabel('Last name').fill('Checked');
  await page.getByLabel('Work email').fill(`csp-${randomBytes(4).toString('hex')}@example.test`);
  await page.getByLabel('Password').fill('long enough password');
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(/\/onboarding$/);

  expect(problems()).toEqual([]);

  // Markup injected into the page (as an XSS would: an inline handler, an inline script) does not run.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.__injected = \'handler\'">';
    document.body.appendChild(div);
    document.body.insertAdjacentHTML('beforeend', '<iframe srcdoc="<script>parent.__injected = \'srcdoc\'</script>"></iframe>');
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __injected?: string }).__injected ?? 'nothing ran')).toBe('nothing ran');
});

test('the API reference renders under its own policy without violations', async ({ page }) => {
  const problems = guardConsole(page);
  const response = await page.goto('/docs/api');
  expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self'/);
  await expect(page.getByText('/organizations/{id}/make-active')).toBeVisible();
  await page.getByText('/organizations/{id}/make-active').click();
  await expect(page.getByText('Responses').first()).toBeVisible();
  expect(problems()).toEqual([]);
});

test('API, media and sign-in responses may load nothing and be framed by no one', async ({ request }) => {
  for (const url of ['/api/v1/me', '/api/v1/openapi.json', '/api/auth/session', '/api/trpc/account.me', '/api/health', '/media/00000000-0000-4000-8000-000000000000']) {
    const res = await request.get(url);
    expect(res.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy').map((h) => h.value), url).toEqual(["default-src 'none'; frame-ancestors 'none'"]);
  }
});
