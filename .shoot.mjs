import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3012';
const [,, who = 'demo@pitchcraft.dev', ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
for (const [label, vp] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const ctx = await browser.newContext({ viewport: vp });
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text().slice(0, 200)));
  await page.goto(base + '/login');
  await page.getByLabel('Email or username').fill(who);
  await page.getByLabel('Password').fill(who === 'demo@pitchcraft.dev' ? 'pitchcraft-demo' : 'pitchcraft-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30000 });
  const org = new URL(page.url()).pathname.split('/')[1];
  for (const p of paths) {
    const url = p.replace('ORG', org);
    await page.goto(base + url);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    const name = url.replace(org, 'org').replace(/[^a-z0-9]+/gi, '_');
    await page.screenshot({ path: `/tmp/wt16-shots/${name}-${label}.png`, fullPage: label === 'desktop' });
    if (label === 'phone') for (const y of [1, 2]) { await page.evaluate((y) => window.scrollTo(0, y * 800), y); await page.waitForTimeout(200); await page.screenshot({ path: `/tmp/wt16-shots/${name}-${label}-${y}.png` }); }
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(label, url, 'width', w);
  }
  await ctx.close();
}
await browser.close();
