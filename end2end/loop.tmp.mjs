import { chromium } from 'playwright-core';
const [,, path='/summary', n='40', pause='0'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const ctx = await browser.newContext({ javaScriptEnabled: false });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:3000/lang/nl?back=/dashboard');
await page.fill('#username', 'sofie'); await page.fill('#password', 'carnet-demo');
await page.locator('button[type="submit"]').first().click();
await page.waitForURL(/3000\/dashboard/);
for (let i = 0; i < +n; i++) {
  const t = Date.now();
  try { await page.goto('http://127.0.0.1:3000' + path, { timeout: 8000 }); console.log(i, Date.now() - t); }
  catch (e) { console.log(i, 'TIMEOUT', Date.now() - t); }
  if (+pause) await new Promise(r => setTimeout(r, +pause));
}
await browser.close();
