// A helpdesk call, in the four languages, with JavaScript on and off, from a code's issue
// to its expiry: Sofie makes a support code for her medication and reads it out; Lotte
// (staff) lands on her console, enters it, sees Sofie's medication read-only with the
// sources' state, and nothing else; while it runs Sofie makes a second code, for her
// vaccinations, and stops it: Lotte's very next look at them is refused while the first
// code still shows the medication; then the first code runs out and Lotte is refused
// there too; Sofie's page says which code expired and which she stopped, her access log
// names Lotte. axe-core on every page. The stack runs codes for SUPPORT_CODE_SECONDS
// (test.sh starts it with CARNET_SUPPORT_CODE_SECONDS=45; the default is 15 minutes), and
// the test moves the portal's clock past the first code's end (CLOCK_URL, the metrics
// listener of a stack started with CARNET_CLOCK_MOVABLE=1) instead of waiting; without
// CLOCK_URL (a stack started by hand) it waits.
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

/** How long the stack runs a support code (its CARNET_SUPPORT_CODE_SECONDS). */
const CODE_SECONDS = Number(process.env.SUPPORT_CODE_SECONDS || '45');
const CLOCK_URL = (process.env.CLOCK_URL || '').replace(/\/+$/, '');

/** Lets `ms` pass for the portal: moves its clock forward, or waits when it cannot. */
async function letTimePass(page: Page, ms: number): Promise<void> {
  if (ms <= 0) return;
  if (!CLOCK_URL) return page.waitForTimeout(ms);
  const answer = await page.request.post(`${CLOCK_URL}/clock/advance?seconds=${Math.ceil(ms / 1000)}`);
  expect(answer.status(), 'the portal\'s clock moved').toBe(204);
}

/** Sofie makes a code for one part of her record; returns it as shown and when it was made. */
async function makeCode(sofie: Page, scope: string): Promise<{ code: string; madeAt: number }> {
  await sofie.goto('/support');
  await sofie.locator(`#support-scope-${scope}`).check();
  const before = Date.now();
  await sofie.locator('form[action="/support/issue"] button[type="submit"]').click();
  await expect(sofie).toHaveURL(/\/support\?done=issued$/);
  const code =
    (await sofie.locator(`li.support-code[data-scopes="${scope}"] .support-code__value span[aria-hidden="true"]`).first().textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return { code, madeAt: before };
}

/** Lotte enters Sofie's number and a code at her console. */
async function enterCode(lotte: Page, code: string): Promise<void> {
  await lotte.goto('/helpdesk');
  await lotte.locator('#citizen').fill('85.04.12-124.68');
  await lotte.locator('#code').fill(code.toLowerCase());
  await lotte.locator('form[action="/helpdesk/redeem"] button[type="submit"]').click();
  await expect(lotte).toHaveURL(/\/helpdesk\?done=redeemed$/);
  await expect(lotte.locator('.acting-banner')).toContainText('Sofie Janssens');
}

/** Lotte opens a page of Sofie's record: shown (a table) or refused. */
async function look(lotte: Page, path: string, shown: boolean): Promise<void> {
  await lotte.goto(path);
  if (shown) {
    await expect(lotte.locator('main table').first(), `${path} is shown`).toBeVisible();
    await expect(lotte.locator(FORBIDDEN)).toHaveCount(0);
  } else {
    await expect(lotte.locator(FORBIDDEN).first(), `${path} is refused`).toBeVisible();
  }
}

for (const javaScript of [true, false]) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    const expectNoViolations = javaScript ? expectAxe : expectNoViolationsAsServed;
    for (const lang of LANGS) {
      test(`a helpdesk call with a support code, from issue to expiry, in ${lang}`, async ({ browser }) => {
        test.setTimeout(90_000 + (CLOCK_URL ? 0 : CODE_SECONDS * 1000));
        const sofie = await session(browser, javaScript, 'sofie');
        if (lang !== 'en') await switchLanguage(sofie, lang);
        const lotte = await session(browser, javaScript, 'lotte');
        await expect(lotte, 'staff land on their console').toHaveURL(/\/helpdesk$/);
        if (lang !== 'en') await switchLanguage(lotte, lang);
        await expectNoViolations(lotte, `the helpdesk console (${lang})`);

        let first = { code: '', madeAt: 0 };
        await test.step('Sofie makes a code for her medication', async () => {
          first = await makeCode(sofie, 'medication');
          await expectNoViolations(sofie, `a running code (${lang})`);
        });

        await test.step('Lotte enters it and sees the medication, read-only, and nothing else', async () => {
          await enterCode(lotte, first.code);
          await expect(lotte.locator('#helpdesk-diagnostics')).toBeVisible();
          await expect(lotte.locator('main')).toContainText('vitalink');
          await expectNoViolations(lotte, `the console with a record open (${lang})`);
          await look(lotte, '/medication', true);
          await look(lotte, '/documents', false);
          await look(lotte, '/vaccinations', false);
        });

        await test.step('a second code, for the vaccinations, stopped by Sofie: refused at once', async () => {
          const second = await makeCode(sofie, 'vaccinations');
          await expect(sofie.locator('li.support-code[data-scopes="medication"]').first(), 'who holds the first').toContainText('Lotte C.');
          await enterCode(lotte, second.code);
          await look(lotte, '/vaccinations', true);
          await sofie.goto('/support');
          const secondCard = sofie.locator('li.support-code[data-scopes="vaccinations"]').first();
          await expect(secondCard).toContainText('Lotte C.');
          await secondCard.locator('form[action="/support/revoke"] button').click();
          await expect(sofie).toHaveURL(/\/support\?done=revoked$/);
          await look(lotte, '/vaccinations', false);
          await look(lotte, '/medication', true);
        });

        await test.step('the first code runs out: Lotte is refused, Sofie sees it expired', async () => {
          const left = first.madeAt + CODE_SECONDS * 1000 + 1_000 - Date.now();
          await letTimePass(lotte, left);
          await look(lotte, '/medication', false);
          await sofie.goto('/support');
          // The newest first: this test's codes.
          const ended = (status: string, scope: string) =>
            sofie.locator(`li[data-status="support-status-${status}"][data-scopes="${scope}"]`).first();
          await expect(ended('expired', 'medication')).toContainText('Lotte C.');
          await expect(ended('revoked', 'vaccinations')).toContainText('Lotte C.');
          await expect(sofie.locator('.support-code'), 'no code runs any more').toHaveCount(0);
          await expectNoViolations(sofie, `codes that ended (${lang})`);
          await lotte.goto('/helpdesk');
          await expect(lotte.locator('section[aria-labelledby="helpdesk-held"] li'), "no code held any more").toHaveCount(0);
        });

        await test.step('Sofie sees the helpdesk\'s looks in her access log', async () => {
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
