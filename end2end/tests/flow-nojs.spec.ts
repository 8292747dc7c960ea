// The same journey with JavaScript switched off: every page must work as plain HTML
// (forms post or get, links navigate), including the provider's logout page.
import { test, expect } from '@playwright/test';
import {
  NEWEST_DATE, OLDEST_DATE, ON_DASHBOARD, TEXT, USER,
  expectDashboardAsksToLogIn, expectDashboardData, expectSofiesDashboard, firstVaccinationDate, loginAsSofie,
  logout, switchLanguage, type Lang,
} from './support';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('log in, sort by form submit, switch languages, log out', async ({ page }) => {
    await test.step('log in as Sofie through the provider form', async () => {
      await loginAsSofie(page);
      await expectSofiesDashboard(page);
    });

    await test.step('the sort button submits its form: ?order=oldest, then ?order=newest', async () => {
      const sort = page.locator('#vaccinations-sort');
      await expect(sort).toHaveText('Oldest first');
      await sort.click();
      await expect(page).toHaveURL(/\/dashboard\?(.*&)?order=oldest(&|$)/);
      await expectDashboardData(page, 'dashboard sorted oldest first');
      await expect(firstVaccinationDate(page)).toHaveText(OLDEST_DATE);
      await expect(sort).toHaveText('Newest first');
      await expect(page.locator('.sort-form [role="status"]')).toHaveText('Sorted oldest first.');

      await sort.click();
      await expect(page).toHaveURL(/\/dashboard\?(.*&)?order=newest(&|$)/);
      await expectDashboardData(page, 'dashboard sorted newest first');
      await expect(firstVaccinationDate(page)).toHaveText(NEWEST_DATE);
      await expect(sort).toHaveText('Oldest first');
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
      }
    });

    await test.step('log out in Dutch, clicking the provider\'s "Afmelden" button', async () => {
      await logout(page, 'nl', false);
    });

    await test.step('the dashboard now asks to log in again (in Dutch)', async () => {
      await expectDashboardAsksToLogIn(page, 'nl');
    });
  });
});
