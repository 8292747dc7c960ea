// A helpdesk call, in the four languages, with JavaScript on and off: Sofie makes a support
// code for her medication and reads it out; Lotte (staff) lands on her console, enters it,
// sees Sofie's medication read-only with the sources' state, and nothing else; Sofie sees
// who holds the code and stops it; Lotte's very next page is refused. axe-core on every
// page. (A code's expiry is tested where the clock can be moved: store and policy tests.)
import { expect, type Browser, type Page } from '@playwright/test';
import { expectNoViolations as expectAxe, expectNoViolationsAsServed } from './axe';
import { CARNET_URL, IDP_URL, switchLanguage, test, type Lang } from './support';

const LANGS: Lang[] = ['en', 'nl', 'fr', 'de'];
const FORBIDDEN = '[data-error="error-forbidden"]';

/** Logs in through the provider's form; returns the page where the portal lands. */
async function session(browser: Browser, javaScript: boolean, username: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${CARNET_URL}/auth/login`);
  await expect(page).toHaveURL(new RegExp('^' + IDP_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('carnet-demo');
  await page.locator('#password').press('Enter');
  await expect(page).toHaveURL(new RegExp('^' + CARNET_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '/'));
  return page;
}

for (const javaScript of [true, false]) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    const expectNoViolations = javaScript ? expectAxe : expectNoViolationsAsServed;
    for (const lang of LANGS) {
      test(`a helpdesk call with a support code in ${lang}`, async ({ browser }) => {
        test.setTimeout(90_000);
        const sofie = await session(browser, javaScript, 'sofie');
        if (lang !== 'en') await switchLanguage(sofie, lang);
        const lotte = await session(browser, javaScript, 'lotte');
        await expect(lotte, 'staff land on their console').toHaveURL(/\/helpdesk$/);
        if (lang !== 'en') await switchLanguage(lotte, lang);

        let code = '';
        await test.step('Sofie makes a code for her medication', async () => {
          await sofie.goto('/support');
          await expectNoViolations(sofie, `the support page (${lang})`);
          await sofie.locator('#support-scope-medication').check();
          await sofie.locator('form[action="/support/issue"] button[type="submit"]').click();
          await expect(sofie).toHaveURL(/\/support\?done=issued$/);
          code = (await sofie.locator('.support-code__value span[aria-hidden="true"]').first().textContent()) ?? '';
          expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
          await expectNoViolations(sofie, `a running code (${lang})`);
        });

        await test.step('Lotte enters it and sees the medication, read-only', async () => {
          await expectNoViolations(lotte, `the helpdesk console (${lang})`);
          await lotte.locator('#citizen').fill('85.04.12-124.68');
          await lotte.locator('#code').fill(code.toLowerCase());
          await lotte.locator('form[action="/helpdesk/redeem"] button[type="submit"]').click();
          await expect(lotte).toHaveURL(/\/helpdesk\?done=redeemed$/);
          await expect(lotte.locator('.acting-banner')).toContainText('Sofie Janssens');
          await expect(lotte.locator('#helpdesk-diagnostics')).toBeVisible();
          await expect(lotte.locator('main')).toContainText('vitalink');
          await expectNoViolations(lotte, `the console with a record open (${lang})`);
          await lotte.goto('/medication');
          await expect(lotte.locator('main table').first()).toBeVisible();
          await expect(lotte.locator(FORBIDDEN)).toHaveCount(0);
          await lotte.goto('/documents');
          await expect(lotte.locator(FORBIDDEN).first()).toBeVisible();
        });

        await test.step('Sofie sees who holds it and stops it: Lotte is refused at once', async () => {
          await sofie.goto('/support');
          await expect(sofie.locator('.support-code')).toContainText('Lotte C.');
          await sofie.locator('form[action="/support/revoke"] button').first().click();
          await expect(sofie).toHaveURL(/\/support\?done=revoked$/);
          await lotte.goto('/medication');
          await expect(lotte.locator(FORBIDDEN).first()).toBeVisible();
        });

        await test.step('Sofie sees the helpdesk\'s look in her access log', async () => {
          await sofie.goto('/access-log');
          await expect(sofie.locator('ol.timeline')).toContainText('Lotte C.');
        });
        await lotte.locator('.acting-banner form[action="/act-for/self"] button').click();
        await expect(lotte).toHaveURL(/\/helpdesk$/);
        await sofie.context().close();
        await lotte.context().close();
      });
    }
  });
}
