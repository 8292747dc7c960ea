// Temporary: screenshots of pages (not committed).
import { chromium } from 'playwright-core';
const base = process.env.CARNET_URL || 'http://127.0.0.1:3100';
const [width, height, lang, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: +width, height: +height } });
await page.goto(base + '/dashboard');
await page.fill('#username', process.env.WHO || 'sofie');
await page.fill('#password', 'carnet-demo');
await page.press('#password', 'Enter');
await page.waitForURL(/dashboard/);
if (lang !== 'en') { await page.goto(base + `/lang/${lang}?back=/dashboard`); }
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForLoadState('networkidle');
  const name = `/tmp/shots/${width}-${lang}-${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
  await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(name, 'scrollWidth', sw);
}
await browser.close();
