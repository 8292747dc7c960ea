// The citizen in control, in the four languages, with JavaScript on and off: the alert of
// a new access and its dismissal, consent revoked and given again, a care relationship
// ended, a care provider found in the directory, excluded and the exclusion lifted (with
// "who can see" before and after), and the access log filtered. Every write is checked at
// the demo hub it went to (its state), not only on the page; axe-core checks every page.
import { expect, type Page } from '@playwright/test';
import { expectNoViolations as expectAxe, expectNoViolationsAsServed } from './axe';
import { loginAsSofie, switchLanguage, test, type Lang } from './support';

const HUBS_URL = (process.env.HUBS_URL || 'http://127.0.0.1:3010').replace(/\/+$/, '');
const SOFIE = '85041212468';
const ELLEN = { name: 'Ellen Jacobs', nihdi: '26104382001' };
const LANGS: Lang[] = ['en', 'nl', 'fr', 'de'];

type HubState = {
  consent: { signdate: string | null; revokedate: string | null } | null;
  therapeuticlinks: { nihdi: string; enddate: string | null }[];
  exclusions: { nihdi: string }[];
};

async function hubState(hub: string): Promise<HubState> {
  const response = await fetch(`${HUBS_URL}/admin/state/${hub}/${SOFIE}`);
  expect(response.ok, `the demo hub ${hub} answers its state`).toBe(true);
  return (await response.json()) as HubState;
}

async function endedLinks(): Promise<number> {
  let ended = 0;
  for (const hub of ['rsw', 'rsb', 'cozo']) {
    ended += (await hubState(hub)).therapeuticlinks.filter((l) => l.enddate !== null).length;
  }
  return ended;
}

/** Confirms the change the page asks about: its form carries the CSRF token and a one-time key. */
async function confirm(page: Page, action: string): Promise<void> {
  const form = page.locator(`section.confirm form[action="${action}"]`);
  await expect(form).toBeVisible();
  await expect(form.locator('input[name="csrf"]')).toHaveValue(/\S/);
  await expect(form.locator('input[name="key"]')).toHaveValue(/^[0-9a-f]{32}$/);
  await form.locator('button[type="submit"]').click();
}

async function expectDone(page: Page, path: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${path.replace('/', '\\/')}\\?(.*&)?done=`));
  await expect(page.locator('#change-result.notice--success')).toBeVisible();
}

for (const javaScript of [true, false]) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: javaScript });
    // Without JavaScript axe cannot run in the page: it checks the page as served instead.
    const expectNoViolations = javaScript ? expectAxe : expectNoViolationsAsServed;
    for (const lang of LANGS) {
      test(`the controls round-trip at the hubs in ${lang}`, async ({ page }) => {
        test.setTimeout(120_000);
        await fetch(`${HUBS_URL}/admin/reset`, { method: 'POST' });
        // A care provider opens the record now: the dashboard says so.
        await fetch(`${HUBS_URL}/admin/access/cozo/${SOFIE}`, { method: 'POST' });
        await loginAsSofie(page);
        if (lang !== 'en') await switchLanguage(page, lang);

        await test.step('the alert of a new access, then dismissed', async () => {
          await page.goto('/dashboard');
          const alert = page.locator('#new-access');
          await expect(alert).toBeVisible();
          await expect(alert).toContainText('Dr. Katrien Verbiest');
          await expect(alert.locator('a[href="/access-log"]')).toBeVisible();
          await expectNoViolations(page, `the dashboard with its alert (${lang})`);
          await alert.locator('form[action="/access-log/seen"] button').click();
          await expect(page).toHaveURL(/\/dashboard$/);
          await expect(page.locator('#tile-access')).toBeVisible();
          await expect(page.locator('#new-access')).toHaveCount(0);
        });

        await test.step('consent revoked at CoZo, then given again', async () => {
          await page.goto('/consent');
          await expectNoViolations(page, `the consent page (${lang})`);
          await page.locator('a[href="/consent?confirm=revoke&source=cozo"]').click();
          await expect(page.locator('section.confirm')).toContainText('CoZo');
          await expectNoViolations(page, `the consent confirmation (${lang})`);
          await confirm(page, '/consent/change');
          await expectDone(page, '/consent');
          expect((await hubState('cozo')).consent?.revokedate, 'revoked at CoZo').toBeTruthy();
          expect((await hubState('rsb')).consent?.revokedate ?? null, 'not at the other hubs').toBeNull();
          await page.locator('a[href="/consent?confirm=give&source=cozo"]').click();
          await confirm(page, '/consent/change');
          await expectDone(page, '/consent');
          expect((await hubState('cozo')).consent?.revokedate ?? null, 'given again at CoZo').toBeNull();
        });

        await test.step('who can see, before an exclusion', async () => {
          await page.goto('/who-can-see');
          await expect(page.locator('section:has(#who-can)')).toContainText(ELLEN.name);
          await expect(page.locator('section:has(#who-cannot)')).not.toContainText(ELLEN.name);
          await expectNoViolations(page, `who can see (${lang})`);
        });

        await test.step('a care provider found in the directory, excluded', async () => {
          await page.goto('/exclusions');
          await expectNoViolations(page, `the exclusions page (${lang})`);
          await page.locator('#exclusion-search').fill('jacobs');
          await page.locator('form.search-form button[type="submit"]').click();
          // Posted and kept in the session: the name never goes into the address.
          await expect(page).toHaveURL(/\/exclusions$/);
          await expect(page.locator('#exclusion-search'), 'the query stays in the field').toHaveValue('jacobs');
          const result = page.locator('ul.results li').filter({ hasText: ELLEN.name });
          await expect(result).toHaveCount(1);
          await expectNoViolations(page, `the directory search (${lang})`);
          await result.locator('a').click();
          await expect(page.locator('section.confirm')).toContainText(ELLEN.name);
          await confirm(page, '/exclusions/add');
          await expectDone(page, '/exclusions');
          await expect(page.locator('#exclusion-search'), 'the query is kept after the change').toHaveValue('jacobs');
          const excluded = (await hubState('cozo')).exclusions.map((e) => e.nihdi);
          expect(excluded, 'excluded at CoZo').toContain(ELLEN.nihdi);
        });

        await test.step('who can see, after the exclusion', async () => {
          await page.goto('/who-can-see');
          await expect(page.locator('section:has(#who-can)')).not.toContainText(ELLEN.name);
          await expect(page.locator('section:has(#who-cannot)')).toContainText(ELLEN.name);
          await expect(
            page.locator('section:has(#who-cannot) li.viewer').filter({ hasText: ELLEN.name }).locator('a[href^="/exclusions?lift="]'),
          ).toHaveCount(1);
        });

        await test.step('the exclusion lifted', async () => {
          await page.goto('/exclusions');
          const row = page.locator('table tbody tr').filter({ hasText: ELLEN.name });
          await row.locator('a[href^="/exclusions?lift="]').click();
          await confirm(page, '/exclusions/lift');
          await expectDone(page, '/exclusions');
          expect((await hubState('cozo')).exclusions.map((e) => e.nihdi), 'lifted at CoZo').not.toContain(ELLEN.nihdi);
        });

        await test.step('a care relationship ended', async () => {
          const before = await endedLinks();
          await page.goto('/care-team');
          await expectNoViolations(page, `the care team (${lang})`);
          await page.locator('a[href^="/care-team?end="]').first().click();
          await expectNoViolations(page, `the end-of-relationship confirmation (${lang})`);
          await confirm(page, '/care-team/end');
          await expectDone(page, '/care-team');
          expect(await endedLinks(), 'one relationship more has an end date at its hub').toBe(before + 1);
          await expect(page.locator('#care-team-ended')).toBeVisible();
        });

        await test.step('the access log, filtered', async () => {
          await page.goto('/access-log');
          await expectNoViolations(page, `the access log (${lang})`);
          const lines = page.locator('ol.timeline > li');
          await expect(lines.first()).toBeVisible();
          await page.locator('#filter-who').selectOption('providers');
          await page.locator('#filter-source').selectOption('cozo');
          await page.locator('form.filters button[type="submit"]').click();
          await expect(page).toHaveURL(/who=providers/);
          await expect(page).toHaveURL(/source=cozo/);
          await expect(lines.first()).toContainText('Dr. Katrien Verbiest');
          const texts = await lines.allTextContents();
          expect(texts.length).toBeGreaterThan(0);
          for (const text of texts) expect(text, 'every line is through CoZo').toContain('CoZo');
          await page.locator('#filter-who').selectOption('you');
          await page.locator('#filter-source').selectOption('all');
          await page.locator('#filter-what').selectOption('changes');
          await page.locator('form.filters button[type="submit"]').click();
          await expect(page).toHaveURL(/what=changes/);
          // The newest five: a relationship ended, the exclusion lifted and added, consent
          // given and revoked (earlier tests' changes follow).
          await expect(lines.nth(4)).toBeVisible();
          const newest = (await lines.allTextContents()).slice(0, 5);
          expect(newest.filter((t) => t.includes(ELLEN.name)), 'the exclusion added and lifted').toHaveLength(2);
          expect(newest.filter((t) => t.includes('CoZo')).length, 'consent at CoZo, twice').toBeGreaterThanOrEqual(2);
          await expectNoViolations(page, `the access log, filtered (${lang})`);
        });

        await fetch(`${HUBS_URL}/admin/reset`, { method: 'POST' });
      });
    }
  });
}
