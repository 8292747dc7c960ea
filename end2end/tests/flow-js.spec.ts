// The whole patient journey in a normal browser (JavaScript on, the page hydrated):
// log in through the provider, see the vaccinations, re-sort them in place, switch
// through the four languages, log out, and find the dashboard closed again.
import { test, expect, type Page } from '@playwright/test';
import {
  NEWEST_DATE, OLDEST_DATE, TEXT, USER,
  expectDashboardAsksToLogIn, expectDashboardData, expectSofiesDashboard, firstVaccinationDate, loginAsSofie,
  logout, switchLanguage, type Lang,
} from './support';

test.use({ javaScriptEnabled: true });

/** A mark on the current document: it disappears if the browser loads another page. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => { (window as unknown as { __carnetSameDocument: boolean }).__carnetSameDocument = true; });
}
async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __carnetSameDocument?: boolean }).__carnetSameDocument === true);
}

test.describe('with JavaScript', () => {
  test('log in, sort in place after hydration, switch languages, log out', async ({ page }) => {
    await test.step('log in as Sofie through the provider form', async () => {
      await loginAsSofie(page);
      await expectSofiesDashboard(page);
    });

    await test.step('the sort button re-sorts in place, without loading a page', async () => {
      const sort = page.locator('#vaccinations-sort');
      const first = firstVaccinationDate(page);
      await expect(sort).toHaveText('Oldest first');
      await expect(first).toHaveText(NEWEST_DATE);

      // A click before hydration has finished does nothing, or submits the form the
      // plain-HTML way (a new page with ?order=): both are retried, from a fresh
      // /dashboard, until one click re-sorts the table in the same document.
      // A server error on such a reload is not retried: it fails the test.
      let serverError: unknown;
      await markDocument(page);
      await expect(async () => {
        if (!/\/dashboard$/.test(page.url()) || !(await sameDocument(page))) {
          await page.goto('/dashboard');
          try {
            await expectDashboardData(page, 'dashboard reloaded before a new sort click');
          } catch (e) {
            serverError = e;
            return;
          }
          await markDocument(page);
        }
        await sort.click();
        await expect(first).toHaveText(OLDEST_DATE, { timeout: 1_500 });
        expect(await sameDocument(page), 'the click must not load a new page').toBe(true);
      }).toPass({ timeout: 20_000, intervals: [250, 500, 1_000] });
      if (serverError) throw serverError;

      expect(page.url()).not.toContain('order=');
      await expect(sort).toHaveText('Newest first');
      await expect(page.locator('.sort-form [role="status"]')).toHaveText('Sorted oldest first.');

      // And back, still in place.
      await sort.click();
      await expect(first).toHaveText(NEWEST_DATE);
      await expect(sort).toHaveText('Oldest first');
      await expect(page.locator('.sort-form [role="status"]')).toHaveText('Sorted newest first.');
      expect(await sameDocument(page)).toBe(true);
      expect(page.url()).not.toContain('order=');
    });

    await test.step('switch through the four languages', async () => {
      for (const lang of ['nl', 'fr', 'de', 'en'] as Lang[]) {
        await switchLanguage(page, lang);
        await expect(page).toHaveURL(/\/dashboard$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].dashboardH1);
        await expectDashboardData(page, `dashboard in ${lang}`);
        await expect(page.locator('main')).toContainText(USER.name);
      }
    });

    await test.step('log out (the provider logout page submits itself)', async () => {
      await logout(page, 'en', true);
    });

    await test.step('the dashboard now asks to log in again', async () => {
      await expectDashboardAsksToLogIn(page, 'en');
    });
  });
});
