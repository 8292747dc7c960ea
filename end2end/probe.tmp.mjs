import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const js of [true, false]) {
  const ctx = await b.newContext({ javaScriptEnabled: js });
  const p = await ctx.newPage();
  await p.goto('http://127.0.0.1:3000/');
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(1000);
  await p.keyboard.press('Tab');
  console.log(js, 'after tab', await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 80)));
  await p.keyboard.press('Enter');
  await p.waitForTimeout(1000);
  console.log(js, 'after enter', p.url(), await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 60)));
  await p.keyboard.press('Tab');
  console.log(js, 'next tab', await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 80)));
  await ctx.close();
}
await b.close();
