// The same journey with JavaScript switched off: every page must work as plain HTML
// (forms post or get, links navigate), including the provider's logout page. No page of
// the portal may report a Content-Security-Policy violation (checked step by step; without
// JavaScript, Chromium's console says what it refused).
import { expect } from '@playwright/test';
import {
  NEWEST_DATE, OLDEST_DATE, ON_DASHBOARD, TEXT, USER,
  expectDashboardAsksToLogIn, expectDashboardData, expectNoCspViolations, expectSofiesDashboard, expectSofiesVaccinations,
  firstVaccinationDate, loginAsSofie, logout, switchLanguage, test, type Lang,
} from './support';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('log in, open the vaccinations, sort by form submit, switch languages, log out', async ({ page }) => {
    await test.step('log in as Sofie through the provider form', async () => {
      await loginAsSofie(page);
      await expectSofiesDashboard(page);
      await expectNoCspViolations(page, 'the landing page, the login and the dashboard (JS off)');
    });

    await test.step('the vaccinations link navigates to the whole history', async () => {
      await page.locator('nav.main-nav:visible').getByRole('link', { name: 'Vaccinations', exact: true }).click();
      await expect(page).toHaveURL(/\/vaccinations$/);
      await expectSofiesVaccinations(page);
      await expectNoCspViolations(page, 'the vaccinations (JS off)');
    });

    await test.step('the sort button submits its form: ?order=oldest, then ?order=newest', async () => {
      const sort = page.locator('#vaccinations-sort');
      await expect(sort).toHaveText('Oldest first');
      await sort.click();
      await expect(page).toHaveURL(/\/vaccinations\?(.*&)?order=oldest(&|$)/);
      await expect(firstVaccinationDate(page)).toHaveText(OLDEST_DATE);
      await expect(sort).toHaveText('Newest first');
      await expect(page.locator('.sort-form [role="status"]')).toHaveText('Sorted oldest first.');

      await sort.click();
      await expect(page).toHaveURL(/\/vaccinations\?(.*&)?order=newest(&|$)/);
      await expect(firstVaccinationDate(page)).toHaveText(NEWEST_DATE);
      await expect(sort).toHaveText('Oldest first');
      await expectNoCspViolations(page, 'the vaccinations, sorted twice (JS off)');
    });

    await test.step('switch through the four languages, ending in Dutch', async () => {
      await page.goto('/dashboard');
      await expectDashboardData(page, 'dashboard before the language switch');
      for (const lang of ['de', 'fr', 'en', 'nl'] as Lang[]) {
        await switchLanguage(page, lang);
        await expect(page).toHaveURL(ON_DASHBOARD);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].dashboardH1);
        await expectDashboardData(page, `dashboard in ${lang}`);
        await expect(page.locator('main')).toContainText(USER.name);
        await expectNoCspViolations(page, `the dashboard in ${lang} (JS off)`);
      }
    });

    await test.step('log out in Dutch, clicking the provider\'s "Afmelden" button', async () => {
      await logout(page, 'nl', false);
      await expectNoCspViolations(page, 'the logged-out page (JS off)');
    });

    await test.step('the dashboard now asks to log in again (in Dutch)', async () => {
      await expectDashboardAsksToLogIn(page, 'nl');
    });
  });
});
