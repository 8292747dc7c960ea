// Acting for others, in the four languages, with JavaScript on and off: Maria gives her son
// Pieter a mandate for a new part of her record (the form, each part explained, the
// confirmation), Pieter accepts it, opens her record, sees that part and is refused outside
// his mandates, Maria revokes it and Pieter's very next page is refused. Marc opens his
// children's records as the rule table for minors allows at each age; Nora (17) sees that
// her parents no longer see her record. axe-core checks every page; one run at phone width.
import { expect, type Browser, type Page } from '@playwright/test';
import { expectNoViolations as expectAxe, expectNoViolationsAsServed } from './axe';
import { loginAs, switchLanguage, test, type Lang } from './support';

const LANGS: Lang[] = ['en', 'nl', 'fr', 'de'];
const FORBIDDEN = '[data-error="error-forbidden"]';

async function session(browser: Browser, javaScript: boolean, username: string, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'en-GB' });
  const page = await context.newPage();
  await loginAs(page, username);
  if (lang !== 'en') await switchLanguage(page, lang);
  return page;
}

/** Opens the record of `name` from `/act-for`. */
async function openRecordOf(page: Page, name: string): Promise<void> {
  await page.goto('/act-for');
  const card = page.locator('li.card').filter({ has: page.locator('h2', { hasText: name }) });
  await card.locator('form[action="/act-for"] button').click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.locator('.acting-banner')).toContainText(name);
}

for (const javaScript of [true, false]) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    const expectNoViolations = javaScript ? expectAxe : expectNoViolationsAsServed;
    for (const lang of LANGS) {
      test(`a mandate given, accepted, used and revoked in ${lang}`, async ({ browser }) => {
        test.setTimeout(120_000);
        const maria = await session(browser, javaScript, 'maria', lang);
        const pieter = await session(browser, javaScript, 'pieter', lang);

        await test.step('Maria gives Pieter a mandate for her allergies and summary', async () => {
          await maria.goto('/mandates');
          await expectNoViolations(maria, `the mandates page (${lang})`);
          await maria.locator('#holder_ssin').fill('68.08.14-203.85');
          await maria.locator('#holder_name').fill('Pieter Van den Bossche');
          await maria.locator('#scope-summary').check();
          await maria.locator('form[action="/mandates/give"] button[type="submit"]').click();
          await expect(maria).toHaveURL(/\/mandates\?confirm=give/);
          const confirmation = maria.locator('section.confirm');
          await expect(confirmation).toContainText('Pieter Van den Bossche');
          await expect(confirmation.locator('input[name="key"]')).toHaveValue(/^[0-9a-f]{32}$/);
          await expectNoViolations(maria, `the mandate's confirmation (${lang})`);
          await confirmation.locator('button[type="submit"]:not([name="edit"])').click();
          await expect(maria).toHaveURL(/\/mandates\?done=given$/);
          await expect(maria.locator('#change-result.notice--success')).toBeVisible();
        });

        await test.step('Pieter accepts it and opens her record', async () => {
          await pieter.goto('/mandates');
          await expectNoViolations(pieter, `the mandates given to Pieter (${lang})`);
          await pieter.locator('form[action="/mandates/answer"]:has(input[value="accept"]) button').first().click();
          await expect(pieter).toHaveURL(/\/mandates\?done=accept$/);
          await pieter.goto('/act-for');
          await expectNoViolations(pieter, `whose record (${lang})`);
          await openRecordOf(pieter, 'Maria Van den Bossche');
        });

        await test.step('within his mandates, and refused outside them', async () => {
          await pieter.goto('/summary');
          await expect(pieter.locator('main')).toContainText(/sulfonamid/i);
          await expect(pieter.locator(FORBIDDEN)).toHaveCount(0);
          await expectNoViolations(pieter, `Maria's summary, opened by Pieter (${lang})`);
          await pieter.goto('/consent');
          await expect(pieter.locator(FORBIDDEN).first()).toBeVisible();
          await expect(pieter.locator('.acting-banner')).toContainText('Maria Van den Bossche');
        });

        await test.step('Maria revokes it: his very next page is refused', async () => {
          await maria.goto('/mandates');
          await maria.locator('a[href^="/mandates?revoke="]').first().click();
          await expectNoViolations(maria, `the revocation's confirmation (${lang})`);
          await maria.locator('section.confirm form[action="/mandates/answer"] button[type="submit"]').click();
          await expect(maria).toHaveURL(/\/mandates\?done=revoke$/);
          await pieter.goto('/summary');
          await expect(pieter.locator(FORBIDDEN).first()).toBeVisible();
          // The mandate Maria gave before still holds.
          await pieter.goto('/medication');
          await expect(pieter.locator('main')).toContainText('Marcoumar');
          await expect(pieter.locator(FORBIDDEN)).toHaveCount(0);
        });

        await test.step('Maria sees what Pieter did, by name', async () => {
          await maria.goto('/access-log');
          await expect(maria.locator('ol.timeline')).toContainText('Pieter Van den Bossche');
        });

        await test.step('Pieter goes back to his own record', async () => {
          await pieter.locator('.acting-banner form[action="/act-for/self"] button').click();
          await expect(pieter).toHaveURL(/\/dashboard$/);
          await expect(pieter.locator('.acting-banner')).toHaveCount(0);
        });
        await maria.context().close();
        await pieter.context().close();
      });

      test(`a parent and three children in ${lang}`, async ({ browser }) => {
        test.setTimeout(90_000);
        const marc = await session(browser, javaScript, 'marc', lang);
        await marc.goto('/act-for');
        for (const child of ['Emma Dubois', 'Lucas Dubois', 'Nora Dubois']) {
          await expect(marc.locator('li.card h2', { hasText: child })).toBeVisible();
        }
        // Nora (17) manages her own record: no way to open it.
        const nora = marc.locator('li.card').filter({ has: marc.locator('h2', { hasText: 'Nora Dubois' }) });
        await expect(nora.locator('form')).toHaveCount(0);
        await expect(nora.locator('.hint')).toContainText('2002');
        await expectNoViolations(marc, `Marc's children (${lang})`);

        await openRecordOf(marc, 'Emma Dubois');
        await marc.goto('/documents');
        await expect(marc.locator('main a[href^="/documents/"]').first()).toBeVisible();
        await expect(marc.locator(FORBIDDEN)).toHaveCount(0);
        await expectNoViolations(marc, `Emma's documents, opened by her father (${lang})`);

        await openRecordOf(marc, 'Lucas Dubois');
        await marc.goto('/vaccinations');
        await expect(marc.locator('table.vaccinations tbody tr').first()).toBeVisible();
        await expect(marc.locator(FORBIDDEN)).toHaveCount(0);
        await marc.goto('/documents');
        await expect(marc.locator(FORBIDDEN).first()).toBeVisible();
        await expect(marc.locator('.acting-banner .hint')).toContainText('12');
        await expectNoViolations(marc, `Lucas's documents, refused (${lang})`);
        await marc.context().close();

        const noraPage = await session(browser, javaScript, 'nora', lang);
        await noraPage.goto('/who-can-see');
        await expect(noraPage.locator('section:has(#who-parents)')).toContainText('Marc Dubois');
        await expectNoViolations(noraPage, `who can see Nora's record (${lang})`);
        await noraPage.context().close();
      });
    }
  });
}

test('acting for someone at phone width: the banner and the pages fit', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const page = await context.newPage();
  await loginAs(page, 'marc');
  for (const lang of LANGS) {
    if (lang !== 'en') await switchLanguage(page, lang);
    await openRecordOf(page, 'Lucas Dubois');
    for (const path of ['/dashboard', '/act-for', '/mandates', '/vaccinations']) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} in ${lang}: nothing off-screen`).toBeLessThanOrEqual(390);
      const banner = await page.locator('.acting-banner').boundingBox();
      expect(banner, `${path}: the banner is on the first screen`).not.toBeNull();
      expect((banner?.y ?? 999) + 10, `${path}: the banner is on the first screen`).toBeLessThan(844);
    }
    await page.locator('.acting-banner form[action="/act-for/self"] button').click();
    await expect(page).toHaveURL(/\/dashboard$/);
  }
  await context.close();
});
