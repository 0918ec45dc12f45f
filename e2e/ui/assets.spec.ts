// Issue 8.8: the favicon and app icons exist and are served as files to anyone, without a redirect to sign-in.
import { expect, test } from './test';

test('the favicon and every icon a page links to are served, signed out, without redirect', async ({ page, request }) => {
  const files: Record<string, RegExp> = {
    '/favicon.ico': /^image\/(x-icon|vnd\.microsoft\.icon)$/,
    '/icon.svg': /^image\/svg\+xml/,
    '/apple-touch-icon.png': /^image\/png$/,
    '/icon-192.png': /^image\/png$/,
    '/icon-512.png': /^image\/png$/,
    '/site.webmanifest': /^application\/(manifest\+json|json)/,
  };
  for (const [path, type] of Object.entries(files)) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toMatch(type);
  }

  await page.goto('/login');
  const links = await page.locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
  expect(links.length).toBeGreaterThanOrEqual(4);
  for (const href of links) expect((await request.get(href, { maxRedirects: 0 })).status(), href).toBe(200);
});
