// At a phone's width (360 px), in the four languages: the record pages do not overflow
// sideways, and their tables show each row as a block with every cell at the page's
// width under its column's name (the same words as the column header), instead of
// columns squeezed until words break letter by letter. axe-core checks each page as seen.
import { expect } from '@playwright/test';
import { expectNoViolations } from './axe';
import { loginAsSofie, switchLanguage, test, type Lang } from './support';

const LANGS: Lang[] = ['en', 'nl', 'fr', 'de'];
const PAGES = ['/documents', '/vaccinations', '/medication?view=all', '/medication?view=week', '/summary'];

test.use({ viewport: { width: 360, height: 780 } });

for (const lang of LANGS) {
  test(`record tables are readable at 360 px in ${lang}`, async ({ page }) => {
    test.setTimeout(90_000);
    await loginAsSofie(page);
    if (lang !== 'en') await switchLanguage(page, lang);
    for (const path of PAGES) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.locator('main table.stack').first()).toBeVisible();
        const layout = await page.evaluate(() => {
          const tables = [...document.querySelectorAll('main table.stack')];
          const cells = tables.flatMap((table) => {
            const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
            return [...table.querySelectorAll('tbody td')]
              .filter((td) => (td as HTMLElement).offsetParent !== null)
              .map((td) => ({
                width: td.getBoundingClientRect().width,
                label: td.getAttribute('data-label') ?? '',
                heads,
              }));
          });
          return { scrollWidth: document.documentElement.scrollWidth, cells };
        });
        expect(layout.scrollWidth, `${path}: nothing off-screen`).toBeLessThanOrEqual(360);
        expect(layout.cells.length, `${path}: the tables have cells`).toBeGreaterThan(0);
        for (const cell of layout.cells) {
          expect(cell.width, `${path}: a cell takes the row's width, not a squeezed column`).toBeGreaterThan(250);
          expect(cell.label, `${path}: every cell is named`).not.toBe('');
        }
        // Column names come from the header (the week view names each day instead).
        if (!path.includes('week')) {
          for (const cell of layout.cells) {
            expect(cell.heads, `${path}: "${cell.label}" is a column of its table`).toContain(cell.label);
          }
        }
        await expectNoViolations(page, `${path} at 360 px (${lang})`);
      });
    }
  });
}

// At 390 × 844 (a common phone), in the four languages: the header is compact (languages
// and menu folded into disclosures), the dashboard's first tile starts on the first
// screen, the control pages do not overflow sideways, their touch targets are at least
// 44 px high, and axe-core finds nothing.
const CONTROL_PAGES = ['/dashboard', '/who-can-see', '/consent', '/care-team', '/exclusions', '/access-log'];

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const lang of LANGS) {
    test(`the main pages fit a phone in ${lang}`, async ({ page }) => {
      test.setTimeout(90_000);
      await loginAsSofie(page);
      if (lang !== 'en') await switchLanguage(page, lang);
      await test.step('the header is compact and its menu opens without JavaScript', async () => {
        await page.goto('/dashboard');
        const header = await page.locator('header.site-header').boundingBox();
        expect(header?.height ?? 0, 'the header takes little of the first screen').toBeLessThan(100);
        // Nothing in the header breaks inside a word: the name and each disclosure on one line.
        const brand = await page.locator('header .brand__name').boundingBox();
        expect(brand?.height ?? 99, 'the name on one line').toBeLessThan(40);
        for (const summary of await page.locator('header summary').all()) {
          const box = await summary.boundingBox();
          expect(box?.height ?? 99, `"${await summary.textContent()}" on one line`).toBeLessThanOrEqual(50);
        }
        const firstTile = await page.locator('.tiles > .tile:visible').first().boundingBox();
        expect(firstTile?.y ?? 9999, 'the first tile starts on the first screen').toBeLessThan(844);
        const menu = page.locator('header details.disclosure').filter({ has: page.locator('nav.main-nav') });
        await menu.locator('summary').click();
        await expect(menu.locator('nav.main-nav a[href="/documents"]')).toBeVisible();
        await expect(menu.locator('form.session__logout button')).toBeVisible();
      });
      for (const path of CONTROL_PAGES) {
        await test.step(path, async () => {
          await page.goto(path);
          if (path === '/exclusions') {
            // With the results of a search (posted: kept in the session, not in the address).
            await page.locator('#exclusion-search').fill('peeters');
            await page.locator('form.search-form button[type="submit"]').click();
            await expect(page.locator('ul.results li').first()).toBeVisible();
          }
          await expect(page.locator('main h1')).toBeVisible();
          const layout = await page.evaluate(() => {
            // Buttons, fields, the controls' links and the header's disclosures (a glossary
            // term inside a sentence is text, WCAG's inline exception).
            const small = [...document.querySelectorAll('main .button, main select, main input:not([type="hidden"]), .controls-nav a, header summary')]
              .filter((e) => (e as HTMLElement).offsetParent !== null)
              .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), height: e.getBoundingClientRect().height }))
              .filter((e) => e.height < 44);
            return { scrollWidth: document.documentElement.scrollWidth, small };
          });
          expect(layout.scrollWidth, `${path}: nothing off-screen`).toBeLessThanOrEqual(390);
          expect(layout.small, `${path}: touch targets of 44 px at least`).toEqual([]);
          await expectNoViolations(page, `${path} at 390 px (${lang})`);
        });
      }
    });
  }
});
