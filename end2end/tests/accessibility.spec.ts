// Accessibility: axe-core must find no WCAG 2.1 A/AA violation on the landing page and
// on the dashboard (logged in) in every language, nor on the logged-out page; and the
// skip link must be the first thing a keyboard reaches and must move focus to <main>.
import { test, expect, type Page } from '@playwright/test';
import {
  TEXT, expectDashboardData, loginAsSofie, logout, switchLanguage, type Lang,
} from './support';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LANGS: Lang[] = ['en', 'nl', 'fr', 'de'];

type Violation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary: string }[];
};

/** Runs axe-core on the page for the WCAG 2.1 A/AA rules; returns the violations. */
async function axeViolations(page: Page): Promise<Violation[]> {
  // Let hydration finish so that axe sees the page a person sees.
  await page.waitForLoadState('networkidle');
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
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
async function expectNoViolations(page: Page, what: string): Promise<void> {
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

test.describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  for (const lang of LANGS) {
    test(`landing page has no violations (${lang})`, async ({ page }) => {
      await page.goto('/');
      if (lang !== 'en') await switchLanguage(page, lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].landingH1);
      await expectNoViolations(page, `landing page (${lang})`);
    });
  }

  for (const lang of LANGS) {
    test(`dashboard (logged in) has no violations (${lang})`, async ({ page }) => {
      await loginAsSofie(page);
      if (lang !== 'en') await switchLanguage(page, lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].dashboardH1);
      await expectDashboardData(page, `dashboard in ${lang}`);
      await expectNoViolations(page, `dashboard (${lang})`);
    });
  }

  test('logged-out page has no violations (en)', async ({ page }) => {
    await loginAsSofie(page);
    await logout(page, 'en', true);
    await expectNoViolations(page, 'logged-out page (en)');
  });
});

test.describe('keyboard', () => {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
      test.use({ javaScriptEnabled });

      test('first Tab reaches the skip link, which moves focus to #main', async ({ page }) => {
        await page.goto('/');
        if (javaScriptEnabled) await page.waitForLoadState('networkidle');
        const skip = page.getByRole('link', { name: 'Skip to main content' });
        await page.keyboard.press('Tab');
        await expect(skip).toBeFocused();
        await expect(skip).toBeVisible(); // it must show itself when focused
        await expect(skip).toHaveAttribute('href', '#main');
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(/#main$/);
        await expect(page.locator('#main'), 'activating the skip link must move focus to <main id="main">').toBeFocused();
        // The point of skipping: the next Tab lands inside <main>, past the header.
        await page.keyboard.press('Tab');
        await expect(page.getByRole('link', { name: TEXT.en.loginLink })).toBeFocused();
      });
    });
  }
});
