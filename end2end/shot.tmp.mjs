import { chromium } from 'playwright-core';
const [,, user='sofie', lang='en', js='1', ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const ctx = await browser.newContext({ javaScriptEnabled: js === '1', viewport: { width: 1200, height: 900 } });
const page = await ctx.newPage();
const errors = [];
page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', e => errors.push(String(e)));
await page.goto(`http://127.0.0.1:3000/lang/${lang}?back=/dashboard`);
await page.fill('#username', user);
await page.fill('#password', 'carnet-demo');
await page.locator('button[type="submit"]').first().click();
await page.waitForURL(/127\.0\.0\.1:3000\/dashboard/, { timeout: 20000 });
for (const p of (paths.length ? paths : ['/dashboard'])) {
  await page.goto('http://127.0.0.1:3000' + p, { waitUntil: 'load' });
  const name = `${user}-${lang}-${js}${p.replace(/[^a-z0-9]+/gi, '_')}`;
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  const fs = await import('fs');
  fs.writeFileSync(`/tmp/shots/${name}.html`, await page.content());
  console.log('shot', name);
}
console.log('errors', JSON.stringify(errors));
await browser.close();
