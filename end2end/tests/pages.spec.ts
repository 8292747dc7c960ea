// Every page of the record, as a demo citizen, in the four languages, with JavaScript on
// and off: it shows its heading and data, no error, and axe-core finds no WCAG 2.1 A/AA
// violation, and no Content-Security-Policy violation is reported (the `test` of
// support.ts records them on every page; each page of the walk is checked on its own).
// Then one keyboard-only walk (dashboard → document → back), and malformed items shown as
// "could not read this item" next to the good ones.
import { expect, type Page } from '@playwright/test';
import { expectNoViolations, expectNoViolationsAsServed } from './axe';
import {
  expectDashboardData, expectNoCspViolations, loginAs, loginAsSofie, switchLanguage, test, type Lang,
} from './support';

const LANGS: Lang[] = ['en', 'nl', 'fr', 'de'];

/** Each page's heading per language (the document page: its own title). */
const H1: Record<string, Record<Lang, string>> = {
  '/dashboard': { en: 'My dashboard', nl: 'Mijn overzicht', fr: 'Mon tableau de bord', de: 'Meine Übersicht' },
  '/documents': { en: 'Documents', nl: 'Documenten', fr: 'Documents', de: 'Dokumente' },
  '/vaccinations': { en: 'Vaccinations', nl: 'Vaccinaties', fr: 'Vaccinations', de: 'Impfungen' },
  '/medication': { en: 'Medication', nl: 'Geneesmiddelen', fr: 'Médicaments', de: 'Medikamente' },
  '/summary': { en: 'Health summary', nl: 'Gezondheidsoverzicht', fr: 'Résumé de santé', de: 'Gesundheitsübersicht' },
  '/glossary': { en: 'Glossary', nl: 'Woordenlijst', fr: 'Glossaire', de: 'Glossar' },
};

async function expectNoErrorNotice(page: Page, what: string): Promise<void> {
  const problem = page.locator('main .notice--error');
  if ((await problem.count()) > 0) {
    throw new Error(`${what} shows an error: ${(await problem.first().innerText()).trim()}`);
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'pages with JavaScript' : 'pages without JavaScript', () => {
    test.use({ javaScriptEnabled });
    const axe = javaScriptEnabled ? expectNoViolations : expectNoViolationsAsServed;

    for (const lang of LANGS) {
      test(`every page in ${lang}: heading, data, no axe violation`, async ({ page }) => {
        test.setTimeout(120_000);
        await loginAsSofie(page);
        if (lang !== 'en') await switchLanguage(page, lang);
        await expectDashboardData(page, `dashboard (${lang})`);

        for (const path of Object.keys(H1)) {
          await test.step(path, async () => {
            await page.goto(path);
            await expect(page.locator('html')).toHaveAttribute('lang', lang);
            await expect(page.getByRole('heading', { level: 1 })).toHaveText(H1[path][lang]);
            await expect(page.locator('.loading')).toHaveCount(0);
            await expectNoErrorNotice(page, `${path} (${lang})`);
            await axe(page, `${path} (${lang}, JS ${javaScriptEnabled ? 'on' : 'off'})`);
            await expectNoCspViolations(page, `${path} (${lang}, JS ${javaScriptEnabled ? 'on' : 'off'})`);
          });
        }

        await test.step('a document', async () => {
          await page.goto('/documents');
          const first = page.locator('table.documents tbody tr').first().getByRole('link');
          const title = (await first.innerText()).trim();
          await first.click();
          // The document's token is sealed (base64url): it names no source id, which could hold the SSIN.
          await expect(page).toHaveURL(/\/documents\/[A-Za-z0-9_-]{40,}$/);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
          await expectNoErrorNotice(page, `document (${lang})`);
          await axe(page, `document (${lang}, JS ${javaScriptEnabled ? 'on' : 'off'})`);
          await expectNoCspViolations(page, `document (${lang}, JS ${javaScriptEnabled ? 'on' : 'off'})`);
        });
      });
    }
  });
}

test.describe('documents', () => {
  test.use({ javaScriptEnabled: false });

  test('the filter form narrows the list through the query string, and a PDF comes from Carnet', async ({ page }) => {
    await loginAsSofie(page);
    await page.goto('/documents');
    await expect(page.locator('.count')).toHaveText('10 documents.');
    await page.getByLabel('Search').fill('allergo');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/documents\?q=allergo/);
    await expect(page.locator('table.documents tbody tr')).toHaveCount(2);
    await expect(page.getByLabel('Search')).toHaveValue('allergo');
    await page.getByLabel('Source').selectOption({ label: 'Réseau Santé Bruxellois' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/source=rsb/);
    await expect(page.locator('.count')).toHaveText('2 of 10 documents match.');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page.locator('.count')).toHaveText('10 documents.');

    // A PDF is served by Carnet itself, with headers that keep it private.
    await page.locator('table.documents tbody tr').filter({ hasText: 'PDF' }).first().getByRole('link').click();
    const open = page.getByRole('link', { name: 'Open the PDF' });
    const href = await open.getAttribute('href');
    expect(href).toMatch(/^\/documents\/[A-Za-z0-9_-]{40,}\/file$/);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['cache-control']).toBe('private, no-store');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

test.describe('keyboard', () => {
  test('keyboard only: dashboard → newest document → back to the dashboard', async ({ page }) => {
    await loginAsSofie(page);
    await expectDashboardData(page, 'dashboard');
    await page.waitForLoadState('networkidle');
    const firstDocument = page.locator('#tile-documents li a').first();
    const title = (await firstDocument.innerText()).trim();
    // Tab from the top of the page until the newest document's link has focus.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await firstDocument.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'the newest document is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    // Back: Tab to the dashboard link of the main menu and press Enter.
    const home = page.locator('nav.main-nav:visible').getByRole('link', { name: 'My dashboard' });
    reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await home.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'the main menu is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expectDashboardData(page, 'dashboard again');
  });
});

test.describe('malformed items', () => {
  test('a source\'s malformed items show as unreadable next to the good ones', async ({ page }) => {
    await loginAs(page, 'jonas');
    await expectDashboardData(page, 'Jonas\'s dashboard');
    await expect(page.locator('.unreadable-note').first()).toBeVisible();
    await page.goto('/vaccinations');
    await expect(page.locator('tr.unreadable').first()).toContainText('Could not read this item.');
    await expect(page.locator('table.vaccinations tbody tr:not(.unreadable)').first()).toBeVisible();
  });
});
