// Sharing a summary (/share) and reading it by its link (/s/<link>), at a phone's width
// (360 × 800), with JavaScript on and off: Sofie makes a link to her allergies and
// vaccinations, with a passcode and a note for the reader, in her language (JavaScript on:
// French; off: Dutch); the form and the list with the link and its QR code neither overflow
// sideways nor fail axe-core (without JavaScript, on the HTML and CSS as served). Then
// someone who is not logged in, whose browser speaks another language (German; English),
// opens the address: the passcode form, a wrong passcode (how many tries are left), the
// right one, and the summary in the reader's language with only the parts shared and its
// downloads (the PDF is a PDF); Sofie stops the link, and the same address no longer works.
// Once each: the form's two errors (no part, a passcode too short); a link without a
// passcode, opened, named in Sofie's access log ("Someone with your link"); a separate link
// locked by five wrong passcodes. Content-Security-Policy reports are checked on every
// portal page the tests open.
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoViolations as expectAxe, expectNoViolationsAsServed } from './axe';
import {
  CARNET_URL,
  USER,
  expectNoCspViolations,
  PHONE,
  expectNoOverflow,
  phoneSession,
  recordCspViolations,
  switchLanguage,
  test,
  type Lang,
} from './support';

const PARTS = ['medication', 'allergies', 'sumehr', 'vaccinations'];
/** Checked when the form opens: what a care provider abroad needs first. */
const CHECKED = new Set(['medication', 'allergies', 'vaccinations']);

/** What /share and /s/<link> say, in each language. */
const WORDS: Record<Lang, {
  shareH1: string;
  sharedH1: string;
  parts: Record<string, string>;
  notOpened: string;
  opened: RegExp;
  withPasscode: string;
  revoked: string;
  gone: string;
  needsPasscode: string;
  wrong4: string;
}> = {
  en: {
    shareH1: 'Share your summary',
    sharedH1: 'Shared health summary',
    parts: { medication: 'Medicines', allergies: 'Allergies and intolerances', sumehr: 'Health problems', vaccinations: 'Vaccinations' },
    notOpened: 'not opened yet',
    opened: /opened (once|\d+ times)/,
    withPasscode: 'with a passcode',
    revoked: 'Stopped by you',
    gone: 'This link does not work: it ended, or it was stopped.',
    needsPasscode: 'This summary is protected by a passcode.',
    wrong4: 'That passcode is not right. You can try 4 more times.',
  },
  nl: {
    shareH1: 'Deel je samenvatting',
    sharedH1: 'Gedeelde gezondheidssamenvatting',
    parts: { medication: 'Geneesmiddelen', allergies: 'Allergieën en intoleranties', sumehr: 'Gezondheidsproblemen', vaccinations: 'Vaccinaties' },
    notOpened: 'nog niet geopend',
    opened: /(één|\d+) keer geopend/,
    withPasscode: 'met toegangscode',
    revoked: 'Door jou gestopt',
    gone: 'Deze link werkt niet: hij is afgelopen of gestopt.',
    needsPasscode: 'Deze samenvatting is beveiligd met een toegangscode.',
    wrong4: 'Die toegangscode klopt niet. Je kunt het nog 4 keer proberen.',
  },
  fr: {
    shareH1: 'Partagez votre résumé',
    sharedH1: 'Résumé de santé partagé',
    parts: { medication: 'Médicaments', allergies: 'Allergies et intolérances', sumehr: 'Problèmes de santé', vaccinations: 'Vaccinations' },
    notOpened: 'pas encore ouvert',
    opened: /ouvert (une fois|\d+ fois)/,
    withPasscode: 'avec code d’accès',
    revoked: 'Arrêté par vous',
    gone: 'Ce lien ne fonctionne pas : il est terminé ou a été arrêté.',
    needsPasscode: 'Ce résumé est protégé par un code d’accès.',
    wrong4: 'Ce code d’accès n’est pas correct. Vous pouvez encore essayer 4 fois.',
  },
  de: {
    shareH1: 'Teilen Sie Ihre Zusammenfassung',
    sharedH1: 'Geteilte Gesundheitszusammenfassung',
    parts: { medication: 'Arzneimittel', allergies: 'Allergien und Unverträglichkeiten', sumehr: 'Gesundheitsprobleme', vaccinations: 'Impfungen' },
    notOpened: 'noch nicht geöffnet',
    opened: /(einmal|\d+-mal) geöffnet/,
    withPasscode: 'mit Zugangscode',
    revoked: 'Von Ihnen beendet',
    gone: 'Dieser Link funktioniert nicht: Er ist abgelaufen oder wurde beendet.',
    needsPasscode: 'Diese Zusammenfassung ist mit einem Zugangscode geschützt.',
    wrong4: 'Dieser Zugangscode stimmt nicht. Sie können es noch 4-mal versuchen.',
  },
};

const FILES = {
  pdf: 'a[href*="/patient-summary.pdf"]',
  proof: 'a[href*="/vaccination-proof.pdf"]',
  json: 'a[href*="/patient-summary.json"]',
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PORTAL = escapeRegExp(CARNET_URL);
const ON_MADE = new RegExp(`^${PORTAL}/share\\?done=made&share=(\\d+)$`);
const ON_REVOKED = new RegExp(`^${PORTAL}/share\\?done=revoked$`);
/** The address a share's link input holds: the page, then a SMART Health Link after `#`. */
const LINK_ADDRESS = new RegExp(`^${PORTAL}/s/([A-Za-z0-9_-]{22})#shlink:/\\S+$`);

const session = phoneSession;

/** Someone who is not logged in, whose browser speaks `locale`: a context of their own. */
async function reader(browser: Browser, javaScript: boolean, locale: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale, viewport: PHONE });
  const page = await context.newPage();
  await recordCspViolations(page);
  return page;
}


/** Opens /share and checks its form as it comes: the parts, the durations, the two fields. */
async function openForm(page: Page, lang: Lang): Promise<void> {
  await page.goto('/share');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[lang].shareH1);
  const form = page.locator('form[action="/share"]');
  await expect(form).toBeVisible();
  await expect(form).toHaveAttribute('method', /^post$/i);
  await expect(form.locator('input[name="part"]')).toHaveCount(PARTS.length);
  for (const part of PARTS) {
    const box = form.locator(`#share-part-${part}`);
    await expect(box, `${part} is offered`).toHaveAttribute('value', part);
    if (CHECKED.has(part)) await expect(box, `${part} is checked`).toBeChecked();
    else await expect(box, `${part} is not checked`).not.toBeChecked();
    await expect(form.locator(`label[for="share-part-${part}"]`)).toHaveText(WORDS[lang].parts[part]);
  }
  const hours = form.locator('#share-hours');
  await expect(hours.locator('option')).toHaveCount(4);
  expect(await hours.locator('option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value))).toEqual(['1', '24', '168', '720']);
  await expect(hours).toHaveValue('24');
  await expect(form.locator('#share-passcode')).toHaveValue('');
  await expect(form.locator('#share-label')).toHaveValue('');
  await expect(form.locator('input[type="hidden"][name="key"]')).toHaveValue(/\S/);
  await expect(form.locator('button[type="submit"]')).toBeVisible();
}

/** Chooses exactly `parts`, fills the rest, submits; returns the new share's id. */
async function makeShare(page: Page, parts: string[], passcode: string, label: string, hours = '24'): Promise<string> {
  for (const part of PARTS) {
    const box = page.locator(`#share-part-${part}`);
    if (parts.includes(part)) await box.check();
    else await box.uncheck();
  }
  await page.locator('#share-hours').selectOption(hours);
  await page.locator('#share-passcode').fill(passcode);
  await page.locator('#share-label').fill(label);
  await page.locator('form[action="/share"] button[type="submit"]').click();
  await expect(page).toHaveURL(ON_MADE);
  await expect(page.locator('#share-done')).toBeVisible();
  return ON_MADE.exec(page.url())![1];
}

/** The share's line in the list, and the address its link input holds. */
async function shareLine(page: Page, id: string): Promise<{ line: Locator; address: string; link: string }> {
  const line = page.locator(`ul.shares li#share-${id}`);
  await expect(line).toBeVisible();
  const input = line.locator(`#share-link-${id}`);
  await expect(input).toHaveAttribute('readonly', '');
  const address = await input.inputValue();
  expect(address, 'the link is the page\'s address with a SMART Health Link after #').toMatch(LINK_ADDRESS);
  return { line, address, link: LINK_ADDRESS.exec(address)![1] };
}

/** Stops a share from its line, and waits for the list to say so. */
async function revoke(page: Page, id: string, lang: Lang): Promise<void> {
  await page.goto('/share');
  const line = page.locator(`ul.shares li#share-${id}`);
  await line.locator('form[action="/share/revoke"] button[type="submit"]').click();
  await expect(page).toHaveURL(ON_REVOKED);
  await expect(page.locator('#share-done')).toBeVisible();
  await expect(line.locator('.meta')).toContainText(WORDS[lang].revoked);
  await expect(line.locator('form[action="/share/revoke"]'), 'a stopped link cannot be stopped again').toHaveCount(0);
}

const RUNS: { javaScript: boolean; lang: Lang; locale: string; readerLang: Lang }[] = [
  { javaScript: true, lang: 'fr', locale: 'de-DE', readerLang: 'de' },
  { javaScript: false, lang: 'nl', locale: 'en-GB', readerLang: 'en' },
];

for (const { javaScript, lang, locale, readerLang } of RUNS) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}, at 360 px`, () => {
    const expectNoViolations = javaScript ? expectAxe : expectNoViolationsAsServed;

    test(`Sofie shares allergies and vaccinations with a passcode (${lang}); a reader in ${locale} opens it; she stops it`, async ({ browser }) => {
      test.setTimeout(60_000);
      const page = await session(browser, javaScript, 'sofie', '/share');
      let readerPage: Page | undefined;
      const passcode = `pass-${Date.now().toString(36)}`;
      const label = `Für Dr. Müller, Berlin (${lang})`;
      try {
        await expect(page).toHaveURL(`${CARNET_URL}/share`);
        await switchLanguage(page, lang);
        let id = '';
        let address = '';
        let link = '';
        await test.step('the form, and the link made', async () => {
          await openForm(page, lang);
          await expectNoOverflow(page, `the share form (${lang})`);
          id = await makeShare(page, ['allergies', 'vaccinations'], passcode, label);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[lang].shareH1);
          const made = await shareLine(page, id);
          ({ address, link } = made);
          const line = made.line;
          await expect(line.locator('h3')).toHaveText(label);
          await expect(line).toContainText(WORDS[lang].parts.allergies);
          await expect(line).toContainText(WORDS[lang].parts.vaccinations);
          await expect(line).not.toContainText(WORDS[lang].parts.medication);
          await expect(line.locator('.meta')).toContainText(WORDS[lang].notOpened);
          await expect(line.locator('.meta')).toContainText(WORDS[lang].withPasscode);
          await expect(line.locator('.share__qr svg'), 'the QR code, drawn on the server').toHaveCount(1);
          await expect(line.locator('.share__qr [role="img"]')).toHaveAttribute('aria-label', /\S/);
          await expect(line.locator('form[action="/share/revoke"] button[type="submit"]')).toBeVisible();
          // The passcode is told separately: the link does not carry it.
          expect(address).not.toContain(passcode);
          await expectNoOverflow(page, `the share list with its QR code (${lang})`);
          await expectNoViolations(page, `the share form and list at 360 px (${lang}, JavaScript ${javaScript ? 'on' : 'off'})`);
          await expectNoCspViolations(page, `the share pages (${lang})`);
        });

        readerPage = await reader(browser, javaScript, locale);
        const r = readerPage;
        const words = WORDS[readerLang];
        await test.step(`the reader (${locale}) is asked for the passcode`, async () => {
          await r.goto(address);
          expect(new URL(r.url()).pathname).toBe(`/s/${link}`);
          await expect(r.locator('html')).toHaveAttribute('lang', readerLang);
          await expect(r.getByRole('heading', { level: 1 })).toHaveText(words.sharedH1);
          await expect(r.locator('main')).toContainText(words.needsPasscode);
          const form = r.locator(`form[action="/s/${link}"]`);
          await expect(form).toBeVisible();
          await expect(form.locator('#shared-passcode')).toHaveAttribute('type', 'password');
          // Nothing of the summary before the passcode.
          await expect(r.locator('main')).not.toContainText(USER.name);
          await expect(r.locator(FILES.pdf)).toHaveCount(0);
          await expectNoOverflow(r, `the passcode form (${readerLang})`);
          await expectNoViolations(r, `the shared link's passcode form at 360 px (${readerLang})`);
        });

        await test.step('a wrong passcode says how many tries are left', async () => {
          await r.locator('#shared-passcode').fill('not-the-passcode');
          await r.locator(`form[action="/s/${link}"] button[type="submit"]`).click();
          await expect(r).toHaveURL(`${CARNET_URL}/s/${link}?error=share-wrong&left=4`);
          const error = r.locator('#shared-error');
          await expect(error).toBeVisible();
          await expect(error).toHaveAttribute('role', 'alert');
          await expect(error).toContainText(words.wrong4);
          await expect(r.locator('main')).not.toContainText(USER.name);
          await expectNoViolations(r, `the shared link's passcode form with its error at 360 px (${readerLang})`);
        });

        await test.step('the right passcode shows the parts shared, in the reader\'s language', async () => {
          await r.locator('#shared-passcode').fill(passcode);
          await r.locator(`form[action="/s/${link}"] button[type="submit"]`).click();
          await expect(r).toHaveURL(new RegExp(`^${PORTAL}/s/${link}\\?t=[^&]+$`));
          await expect(r.locator('html')).toHaveAttribute('lang', readerLang);
          await expect(r.getByRole('heading', { level: 1 })).toHaveText(words.sharedH1);
          await expect(r.locator('#shared-error')).toHaveCount(0);
          await expect(r.locator('#shared-about')).toContainText(label);
          const summary = r.locator('.shared-summary');
          await expect(summary).toContainText(USER.name);
          const headings = summary.locator('h2');
          await expect(headings.filter({ hasText: words.parts.allergies })).toHaveCount(1);
          await expect(headings.filter({ hasText: words.parts.vaccinations })).toHaveCount(1);
          await expect(headings.filter({ hasText: words.parts.medication }), 'the medicines were not shared').toHaveCount(0);
          await expect(headings.filter({ hasText: words.parts.sumehr }), 'the health problems were not shared').toHaveCount(0);
          await expect(headings).toHaveCount(2);
          await expect(summary).toContainText('Penicillin');
          await expect(summary.locator('.shared-item').first()).toContainText('Vitalink');
          await expect(r.locator(FILES.pdf)).toHaveCount(1);
          await expect(r.locator(FILES.json)).toHaveCount(1);
          await expect(r.locator(FILES.proof), 'the vaccinations are shared: their proof too').toHaveCount(1);
          await expectNoOverflow(r, `the shared summary (${readerLang})`);
          await expectNoViolations(r, `the shared summary at 360 px (${readerLang})`);
        });

        await test.step('the summary to print is a PDF', async () => {
          const href = await r.locator(FILES.pdf).getAttribute('href');
          expect(href).toBeTruthy();
          const answer = await r.context().request.get(new URL(href!, r.url()).toString());
          expect(answer.status(), `${href}`).toBe(200);
          expect(answer.headers()['content-type'], `${href}: its type`).toMatch(/^application\/pdf\b/);
          const body = await answer.body();
          expect(body.subarray(0, 5).toString('latin1'), `${href} is a PDF`).toBe('%PDF-');
        });
        await expectNoCspViolations(r, `the shared link's pages (${readerLang})`);

        await test.step('Sofie sees it opened, and stops it', async () => {
          await page.goto('/share');
          const line = page.locator(`ul.shares li#share-${id}`);
          await expect(line.locator('.meta')).toContainText(WORDS[lang].opened);
          await revoke(page, id, lang);
          await expectNoCspViolations(page, `revoking a share (${lang})`);
        });

        await test.step('the link no longer works', async () => {
          await r.reload();
          await expect(r.getByRole('heading', { level: 1 })).toHaveText(words.sharedH1);
          const problem = r.locator('#shared-problem');
          await expect(problem).toBeVisible();
          await expect(problem).toContainText(words.gone);
          await expect(r.locator('main')).not.toContainText(USER.name);
          await expect(r.locator(FILES.pdf)).toHaveCount(0);
          // The address as given, too (no ticket): it does not ask for the passcode any more.
          await r.goto(address);
          await expect(r.locator('#shared-problem')).toContainText(words.gone);
          await expect(r.locator('#shared-passcode')).toHaveCount(0);
          await expectNoCspViolations(r, `the stopped link (${readerLang})`);
        });
      } finally {
        await readerPage?.context().close();
        await page.context().close();
      }
    });
  });
}

test.describe('once (en, JavaScript on, at 360 px)', () => {
  test('the form\'s errors: no part, a passcode too short', async ({ browser }) => {
    const page = await session(browser, true, 'sofie', '/share');
    try {
      await openForm(page, 'en');
      for (const part of PARTS) await page.locator(`#share-part-${part}`).uncheck();
      await page.locator('form[action="/share"] button[type="submit"]').click();
      await expect(page).toHaveURL(`${CARNET_URL}/share?error=share-error-no-part`);
      const error = page.locator('#share-error');
      await expect(error).toHaveText('Choose at least one part.');
      await expect(error).toHaveAttribute('role', 'alert');
      await expectAxe(page, 'the share form with the no-part error at 360 px (en)');

      await openForm(page, 'en');
      await page.locator('#share-passcode').fill('abc');
      await page.locator('form[action="/share"] button[type="submit"]').click();
      await expect(page).toHaveURL(`${CARNET_URL}/share?error=share-error-passcode`);
      await expect(page.locator('#share-error')).toHaveText('A passcode has 4 to 40 characters.');
      await expect(page.locator('#share-done')).toHaveCount(0);
      await expectNoOverflow(page, 'the share form with its error');
      await expectNoCspViolations(page, 'the share form\'s errors');
    } finally {
      await page.context().close();
    }
  });

  test('a link without a passcode opens at once, and the access log names "Someone with your link"; five wrong passcodes lock another', async ({ browser }) => {
    test.setTimeout(45_000);
    const page = await session(browser, true, 'sofie', '/share');
    let readerPage: Page | undefined;
    try {
      await openForm(page, 'en');
      const open = await makeShare(page, ['medication', 'sumehr'], '', '');
      const { address, link } = await shareLine(page, open);
      const locked = await makeShare(page, ['allergies'], 'right-passcode', 'to be locked');
      const { address: lockedAddress, link: lockedLink } = await shareLine(page, locked);

      readerPage = await reader(browser, true, 'en-GB');
      const r = readerPage;
      await test.step('without a passcode, the summary at once', async () => {
        await r.goto(address);
        await expect(r.getByRole('heading', { level: 1 })).toHaveText(WORDS.en.sharedH1);
        await expect(r.locator('#shared-passcode')).toHaveCount(0);
        const headings = r.locator('.shared-summary h2');
        await expect(headings.filter({ hasText: 'Medicines' })).toHaveCount(1);
        await expect(headings.filter({ hasText: 'Health problems' })).toHaveCount(1);
        await expect(headings).toHaveCount(2);
        await expect(r.locator('.shared-summary')).toContainText(USER.name);
        await expect(r.locator('.shared-summary')).toContainText('Source: ');
        await expect(r.locator(FILES.pdf)).toHaveCount(1);
        await expect(r.locator(FILES.json)).toHaveCount(1);
        await expect(r.locator(FILES.proof), 'no vaccinations shared: no proof').toHaveCount(0);
      });

      await test.step('five wrong passcodes in a row lock a link', async () => {
        await r.goto(lockedAddress);
        for (let left = 4; left >= 1; left--) {
          await r.locator('#shared-passcode').fill(`wrong-${left}`);
          await r.locator(`form[action="/s/${lockedLink}"] button[type="submit"]`).click();
          await expect(r).toHaveURL(`${CARNET_URL}/s/${lockedLink}?error=share-wrong&left=${left}`);
        }
        await expect(r.locator('#shared-error')).toContainText('You can try once more');
        await r.locator('#shared-passcode').fill('wrong-0');
        await r.locator(`form[action="/s/${lockedLink}"] button[type="submit"]`).click();
        await expect(r.locator('main')).toContainText('Too many wrong passcodes');
        // Locked: even the right passcode does not open it now.
        await r.goto(lockedAddress);
        await expect(r.locator('main')).toContainText('Too many wrong passcodes');
        await expect(r.locator('main')).not.toContainText(USER.name);
      });
      await expectNoCspViolations(r, 'the shared links');

      await test.step('the access log names the reader', async () => {
        await page.goto('/access-log');
        const line = page.locator('ol.timeline li').filter({ hasText: 'Someone with your link' }).first();
        await expect(line).toBeVisible();
        await expect(line).toContainText('opened medication');
      });

      await test.step('Sofie stops both links', async () => {
        await revoke(page, open, 'en');
        await revoke(page, locked, 'en');
      });
      await expectNoCspViolations(page, 'the access log');
    } finally {
      await readerPage?.context().close();
      await page.context().close();
    }
  });
});
