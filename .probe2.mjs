import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const s = JSON.parse(readFileSync('/tmp/wt16-spec.json', 'utf8'));
const base = 'http://127.0.0.1:3012';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
await page.goto(base + '/login');
await page.getByLabel('Email or username').fill(s.email);
await page.getByLabel('Password').fill(s.password);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30000 });
const url = process.argv[2].replace('ORG', s.organizationId).replace('CALL', s.callId).replace('SESSION', s.sessionId).replace('PRODUCT', s.productId).replace('TEAM', s.teamId);
await page.goto(base + url);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(800);
const r = await page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('main *')) {
    const w = el.getBoundingClientRect().width;
    if (w <= 390) continue;
    // wide element whose parent is not wider than 390? report chain top
    const pw = el.parentElement.getBoundingClientRect().width;
    out.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0,6).join('.')} w=${Math.round(w)} parent=${Math.round(pw)} [${(el.textContent||'').slice(0,25)}]`);
  }
  return out.slice(0, 25);
});
console.log(r.join('\n'));
await browser.close();
