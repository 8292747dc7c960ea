// The whole patient journey in a normal browser (JavaScript on, the page hydrated):
// log in through the provider, see the dashboard, open a glossary term in place, sort the
// vaccinations, switch
// through the four languages, log out, and find the dashboard closed again. No page of the
// portal may report a Content-Security-Policy violation (checked step by step).
import { expect, type Page } from '@playwright/test';
import {
  OLDEST_DATE, TEXT, USER,
  expectDashboardAsksToLogIn, expectDashboardData, expectNoCspViolations, expectSofiesDashboard, expectSofiesVaccinations,
  firstVaccinationDate, loginAsSofie, logout, switchLanguage, test, type Lang,
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
  test('log in, open a glossary term in place, sort the vaccinations, switch languages, log out', async ({ page }) => {
    await test.step('log in as Sofie through the provider form', async () => {
      await loginAsSofie(page);
      await expectSofiesDashboard(page);
      await expectNoCspViolations(page, 'the landing page, the login and the dashboard (JS on)');
    });

    await test.step('a glossary term opens its explanation in place, without loading a page', async () => {
      await page.waitForLoadState('networkidle');
      await markDocument(page);
      const tile = page.locator('#tile-consent');
      // Hydrated, the term is a disclosure button instead of a link to the glossary.
      const term = tile.getByRole('button', { name: 'informed consent' });
      await expect(term).toHaveAttribute('aria-expanded', 'false');
      const explanation = tile.locator('.term__explanation');
      await expect(explanation).toBeHidden();
      await term.click();
      await expect(term).toHaveAttribute('aria-expanded', 'true');
      await expect(explanation).toBeVisible();
      await expect(explanation.getByRole('link', { name: 'More in the glossary' })).toHaveAttribute('href', '/glossary#term-informed-consent');
      await term.click();
      await expect(explanation).toBeHidden();
      expect(await sameDocument(page)).toBe(true);
      await expectNoCspViolations(page, 'the dashboard with the glossary term opened (JS on)');
    });

    await test.step('the vaccinations page sorts by its form, also with JavaScript', async () => {
      await page.locator('nav.main-nav:visible').getByRole('link', { name: 'Vaccinations', exact: true }).click();
      await expectSofiesVaccinations(page);
      await page.locator('#vaccinations-sort').click();
      await expect(page).toHaveURL(/\/vaccinations\?(.*&)?order=oldest(&|$)/);
      await expect(firstVaccinationDate(page)).toHaveText(OLDEST_DATE);
      await expectNoCspViolations(page, 'the vaccinations, sorted (JS on)');
      await page.goto('/dashboard');
      await expectDashboardData(page, 'dashboard again');
    });

    await test.step('switch through the four languages', async () => {
      for (const lang of ['nl', 'fr', 'de', 'en'] as Lang[]) {
        await switchLanguage(page, lang);
        await expect(page).toHaveURL(/\/dashboard$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].dashboardH1);
        await expectDashboardData(page, `dashboard in ${lang}`);
        await expect(page.locator('main')).toContainText(USER.name);
        await expectNoCspViolations(page, `the dashboard in ${lang} (JS on)`);
      }
    });

    await test.step('log out (the provider logout page submits itself)', async () => {
      await logout(page, 'en', true);
      await expectNoCspViolations(page, 'the logged-out page (JS on)');
    });

    await test.step('the dashboard now asks to log in again', async () => {
      await expectDashboardAsksToLogIn(page, 'en');
    });
  });
});
