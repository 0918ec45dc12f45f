import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const s = JSON.parse(readFileSync('/tmp/wt16-spec.json', 'utf8'));
const base = 'http://127.0.0.1:3012';
const paths = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
await page.goto(base + '/login');
await page.getByLabel('Email or username').fill(s.email);
await page.getByLabel('Password').fill(s.password);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30000 });
for (const [w, h] of [[390, 844], [1366, 900]]) {
  await page.setViewportSize({ width: w, height: h });
  for (const p of paths) {
    const url = p.replace('ORG', s.organizationId).replace('SESSION', s.sessionId).replace('CALL', s.callId).replace('TEAM', s.teamId).replace('PRODUCT', s.productId).replace('USER', s.userId);
    await page.goto(base + url);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const clipped = (el) => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
      const over = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el));
      // leaf-most: overflowing elements none of whose children overflow
      const leaves = over.filter((el) => { const r = el.getBoundingClientRect().right; return ![...el.children].some((c) => Math.abs(c.getBoundingClientRect().right - r) < 2) && el.tagName !== 'path' && el.tagName !== 'circle' && el.tagName !== 'rect' && el.tagName !== 'line' && el.tagName !== 'text' && el.tagName !== 'g' && el.tagName !== 'tspan'; });
      return { sw: document.documentElement.scrollWidth, leaves: leaves.slice(0, 8).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} [${(el.textContent || '').slice(0, 30)}] r=${Math.round(el.getBoundingClientRect().right)}`) };
    });
    console.log(w, p, r.sw, JSON.stringify(r.leaves, null, 0));
    await page.screenshot({ path: `/tmp/wt16-shots/probe-${p.replace(/[^a-z0-9]+/gi, '_')}-${w}.png`, fullPage: false });
  }
}
await browser.close();
