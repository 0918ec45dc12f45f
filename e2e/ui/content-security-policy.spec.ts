// Pages run under a strict Content-Security-Policy with a fresh nonce per request: Next's own scripts run (the app
// works, and the fixture fails the spec on any logged violation), injected markup does not, and the API reference
// pages run only their own scripts.
import { randomBytes } from 'node:crypto';
import { guardConsole } from './console-guard';
import { expect, test } from './test';

test('pages carry a nonce-based policy that Next uses, and the app works under it', async ({ page, request }) => {
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

  // The page works: registering signs in and lands on onboarding, scripts and all (a violation would fail the spec).
  await page.goto('/register');
  await page.getByLabel('First name').fill('Nonce');
  await page.getByLabel('Last name').fill('Checked');
  await page.getByLabel('Work email').fill(`csp-${randomBytes(4).toString('hex')}@example.test`);
  await page.getByLabel('Password').fill('long enough password');
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(/\/onboarding$/);
});

test('markup injected into a page (as an XSS would) does not run', async ({ browser }) => {
  // A context of its own: the violations this provokes are the point, not errors of ours.
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = guardConsole(page);
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in to Pitchcraft' })).toBeVisible();
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.__injected = \'handler\'">';
    document.body.appendChild(div);
    document.body.insertAdjacentHTML('beforeend', '<iframe srcdoc="<script>parent.__injected = \'srcdoc\'</script>"></iframe>');
  });
  await expect.poll(() => problems().filter((p) => /Content Security Policy/.test(p)).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __injected?: string }).__injected ?? 'nothing ran')).toBe('nothing ran');
  expect(problems().filter((p) => !/Content Security Policy/.test(p))).toEqual([]);
  await context.close();
});

test('the API reference pages allow only their own scripts, and work', async ({ page }) => {
  for (const path of ['/docs/api', '/docs/api/console']) {
    const response = await page.goto(path);
    const policy = response!.headers()['content-security-policy']!;
    expect(policy).toMatch(/^default-src 'none'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
    // Inline styles are allowed (Swagger UI sets them); inline script only by the hash of the page's own.
    expect(policy.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe');
  }
  // Swagger UI's own script ran under the policy and drew the operations.
  await expect(page.locator('.opblock').first()).toBeVisible({ timeout: 30_000 });
});

test('API, media and sign-in responses may load nothing and be framed by no one', async ({ request }) => {
  for (const url of ['/api/v1/me', '/api/v1/openapi.json', '/api/auth/session', '/api/trpc/account.me', '/api/health']) {
    const res = await request.get(url);
    expect(res.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy').map((h) => h.value), url).toEqual(["default-src 'none'; frame-ancestors 'none'"]);
  }
  // Media keeps its stricter, sandboxed policy.
  const media = await request.get('/media/00000000-0000-4000-8000-000000000000');
  expect(media.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy')).toHaveLength(1);
});
