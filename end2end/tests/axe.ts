// axe-core, run in the page for the WCAG 2.1 A/AA rules, with a report a developer can act on.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LANGS: Lang[] = ['en', 'nl', 'fr', 'de'];

export type Violation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary: string }[];
};

/** axe-core's source, read once. */
let axeSource: string | undefined;

/** Runs axe-core on the page for the WCAG 2.1 A/AA rules; returns the violations. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // Let hydration finish so that axe sees the page a person sees.
  await page.waitForLoadState('networkidle');
  // Evaluated by the test's driver, not added as a <script>: the portal's CSP rightly
  // refuses an inline script without its nonce (addScriptTag would be refused, and
  // reported as a violation that is the test's, not the portal's).
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: any }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n: any) => ({
        target: n.target.map((t: unknown) => JSON.stringify(t).replace(/^"|"$/g, '')),
        html: n.html,
        failureSummary: n.failureSummary ?? '',
      })),
    }));
  }, WCAG_TAGS);
}

/** Fails with a report a developer can act on: rule, impact, help, and each failing node. */
export async function expectNoViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    const lines = [`axe-core: ${violations.length} WCAG 2.1 A/AA violation(s) on ${what} (${page.url()}):`];
    for (const v of violations) {
      lines.push(`- ${v.id} [${v.impact}]: ${v.help} (${v.helpUrl})`);
      for (const n of v.nodes) {
        lines.push(`    target: ${n.target.join(' ')}`);
        lines.push(`      html: ${n.html}`);
        for (const s of n.failureSummary.split('\n')) if (s.trim()) lines.push(`      ${s.trim()}`);
      }
    }
    const report = lines.join('\n');
    console.log(report);
    await test.info().attach(`axe-${what}.txt`, { body: report, contentType: 'text/plain' });
    expect(violations.map((v) => v.id), report).toEqual([]);
  }
}


/**
 * The same check for a page opened without JavaScript: axe needs scripts to run, so the
 * page is loaded again, with the same cookies, in a context that runs scripts but gets no
 * Carnet script or WebAssembly: axe sees exactly the HTML and CSS the server sent.
 */
export async function expectNoViolationsAsServed(page: Page, what: string): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
  try {
    const served = await context.newPage();
    await served.route(/\/pkg\/.*\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    await served.goto(page.url());
    await expectNoViolations(served, what);
  } finally {
    await context.close();
  }
}
