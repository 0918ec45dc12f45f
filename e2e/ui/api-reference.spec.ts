// Issue 8.10: the API reference wears the product's frame (header, the way back to the app), explains authentication
// before anything else, shows every operation of the OpenAPI document without running a script, and links to the
// interactive console.
import { expect, test } from './test';
import { snap } from './screenshot';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

test('the reference is framed, starts with authentication, and lists every operation', async ({ page, request }) => {
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  const operations = Object.values(doc.paths as Record<string, Record<string, unknown>>).flatMap((item) => Object.keys(item).filter((m) => METHODS.includes(m)));

  await page.goto('/docs/api');
  await expect(page).toHaveTitle('API reference · Pitchcraft');
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Pitchcraft home' })).toHaveAttribute('href', '/');
  await expect(header.getByRole('link', { name: '← Back to Pitchcraft' })).toHaveAttribute('href', '/');

  // Authentication is the first section, before the conventions and the operations.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.slice(0, 2)).toEqual(['Authentication', 'Conventions']);
  const auth = page.getByRole('region', { name: 'Authentication' });
  await expect(auth).toContainText('X-Api-Key');
  await expect(auth).toContainText('POST /auth/token');

  await expect(page.locator('article.operation')).toHaveCount(operations.length);
  const token = page.locator('article.operation', { has: page.getByRole('heading', { name: 'Exchange credentials for tokens' }) });
  await expect(token).toContainText('/api/v1/auth/token');
  await expect(token).toContainText('public');
  // Fields of the body, with what is required, are on the page itself.
  await expect(token.getByText('password', { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Create an organization (the caller becomes owner)' }).click();
  await expect(page).toHaveURL(/#op-post-organizations$/);
  await snap(page, '45-api-reference', { fullPage: false });

  await header.getByRole('link', { name: 'Try it in the browser' }).click();
  await expect(page).toHaveURL(/\/docs\/api\/console$/);
  await expect(page.getByRole('banner').getByRole('link', { name: '← Back to Pitchcraft' })).toBeVisible();
  // Swagger UI draws the operations once its script has run — progressively: with 186 operations the last ones come
  // a minute or more later on a busy 2-core machine, so the test waits for the first drawn and asks Swagger UI itself
  // whether it holds every operation of the document.
  await expect(page.locator('.opblock').first()).toBeVisible({ timeout: 30_000 });
  type SwaggerWindow = { ui: { specSelectors: { operations(): { size: number } } } };
  await expect.poll(() => page.evaluate(() => (window as unknown as SwaggerWindow).ui.specSelectors.operations().size), { timeout: 30_000 }).toBe(operations.length);
  await page.getByRole('banner').getByRole('link', { name: '← Back to Pitchcraft' }).click();
  await expect(page).toHaveURL(/\/login$/);
});
