// Accessibility: axe-core must find no WCAG 2.1 A/AA violation on the landing page in
// every language, nor on the logged-out page (the record pages: pages.spec.ts); and the
// skip link must be the first thing a keyboard reaches and must move focus to <main>.
// No page of the portal may report a Content-Security-Policy violation (the `test` of
// support.ts records them, and each page is checked after axe has run on it).
import { expect } from '@playwright/test';
import { expectNoViolations } from './axe';
import {
  TEXT, expectNoCspViolations, loginAsSofie, logout, switchLanguage, test, type Lang,
} from './support';

const LANGS: Lang[] = ['en', 'nl', 'fr', 'de'];

test.describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  for (const lang of LANGS) {
    test(`landing page has no violations (${lang})`, async ({ page }) => {
      await page.goto('/');
      if (lang !== 'en') await switchLanguage(page, lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].landingH1);
      await expectNoViolations(page, `landing page (${lang})`);
      await expectNoCspViolations(page, `landing page (${lang})`);
    });
  }

  test('logged-out page has no violations (en)', async ({ page }) => {
    await loginAsSofie(page);
    await logout(page, 'en', true);
    await expectNoViolations(page, 'logged-out page (en)');
    await expectNoCspViolations(page, 'logged-out page (en)');
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
        await expectNoCspViolations(page, `landing page after the skip link (JS ${javaScriptEnabled ? 'on' : 'off'})`);
      });
    });
  }
});
