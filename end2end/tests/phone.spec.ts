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
