// Lighthouse on the logged-in pages (mobile profile, simulated slow 4G: Lighthouse's
// default), with the system Chromium. Prints one row per page and the audits that did not
// pass in full; asserts nothing.
//   node run.mjs <portal> <session cookie> <path>...
// Loopback only.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { loopback } from '../client.mjs';

const [portal, cookie, ...paths] = process.argv.slice(2);
loopback(portal);

// What the issue's list named: each printed when it does not pass.
const WATCHED = [
  'uses-text-compression',
  'uses-long-cache-ttl',
  'unminified-css',
  'unminified-javascript',
  'render-blocking-resources',
  'meta-description',
  'uses-rel-preload',
  'document-latency-insight',
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = [];
try {
  const run = (path) =>
    lighthouse(`${portal}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      extraHeaders: { Cookie: `carnet_session=${cookie}` },
    });
  const METRICS = ['largest-contentful-paint', 'first-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'];
  const complete = (lhr) => METRICS.every((id) => typeof lhr.audits[id]?.numericValue === 'number');
  for (const path of paths) {
    // Lighthouse now and then misses a metric of a run (a trace it could not read): once
    // more, then the row says what it lacks.
    let result = await run(path);
    if (!complete(result.lhr)) result = await run(path);
    const { categories, audits, finalDisplayedUrl, runtimeError } = result.lhr;
    if (!finalDisplayedUrl.endsWith(path)) throw new Error(`${path} went to ${finalDisplayedUrl}: not logged in?`);
    const score = (c) => Math.round((categories[c]?.score ?? 0) * 100);
    const failing = WATCHED.filter((id) => audits[id] && audits[id].score !== null && audits[id].score < 1);
    rows.push({
      path,
      lcp: audits['largest-contentful-paint']?.numericValue,
      fcp: audits['first-contentful-paint']?.numericValue,
      tbt: audits['total-blocking-time']?.numericValue,
      cls: audits['cumulative-layout-shift']?.numericValue,
      bytes: audits['total-byte-weight']?.numericValue,
      error: runtimeError?.code,
      scores: [score('performance'), score('accessibility'), score('best-practices'), score('seo')],
      failing,
    });
  }
} finally {
  await chrome.kill();
}
const known = (x, show) => (typeof x === 'number' ? show(x) : '?');
const f = (ms) => known(ms, (x) => `${(x / 1000).toFixed(2)} s`);
console.log(`  ${'page'.padEnd(16)} ${'LCP'.padStart(8)} ${'FCP'.padStart(8)} ${'TBT'.padStart(8)} ${'CLS'.padStart(6)} ${'bytes'.padStart(8)}  perf/a11y/bp/seo  not passed`);
for (const r of rows) {
  console.log(
    `  ${r.path.padEnd(16)} ${f(r.lcp).padStart(8)} ${f(r.fcp).padStart(8)} ${known(r.tbt, (x) => `${Math.round(x)} ms`).padStart(8)} ` +
      `${known(r.cls, (x) => x.toFixed(3)).padStart(6)} ${known(r.bytes, (x) => String(Math.round(x))).padStart(8)}  ` +
      `${r.scores.join('/').padEnd(16)}  ${[...r.failing, ...(r.error ? [`Lighthouse: ${r.error}`] : [])].join(', ') || '-'}`,
  );
}
const measured = rows.filter((r) => typeof r.lcp === 'number');
const worst = Math.max(...measured.map((r) => r.lcp));
const missing = rows.length - measured.length;
console.log(`  largest LCP ${f(worst)} (target <= 1.5 s in the mobile profile)${missing ? `; ${missing} page(s) without one` : ''}`);
