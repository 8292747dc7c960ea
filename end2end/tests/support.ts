// Shared by the browser tests: where the stack is, the demo user, the words each
// language shows, the steps that several tests take (log in, switch language, log out),
// and the Content-Security-Policy recorder that every page test runs (see `test` below).
import { test as base, expect, type Browser, type Page } from '@playwright/test';

export const CARNET_URL = (process.env.CARNET_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const IDP_URL = (process.env.IDP_URL || 'http://127.0.0.1:3002').replace(/\/+$/, '');

/** The portal's origin: the only one whose pages the CSP checks judge. */
export const CARNET_ORIGIN = new URL(CARNET_URL).origin;

export const USER = { username: 'sofie', password: 'carnet-demo', name: 'Sofie Janssens' };

export type Lang = 'nl' | 'fr' | 'de' | 'en';

/** What the portal and the identity provider show in each language. */
export const TEXT: Record<Lang, {
  switchLink: string;
  landingH1: string;
  loginLink: string;
  dashboardH1: string;
  portalLogout: string;
  loggedOutH1: string;
  idpLogin: string;
  idpLogout: string;
}> = {
  nl: {
    switchLink: 'Nederlands',
    landingH1: 'Uw gezondheidsgegevens op één plek',
    loginLink: 'Aanmelden om mijn gegevens te zien',
    dashboardH1: 'Mijn overzicht',
    portalLogout: 'Afmelden',
    loggedOutH1: 'U bent afgemeld',
    idpLogin: 'Aanmelden',
    idpLogout: 'Afmelden',
  },
  fr: {
    switchLink: 'Français',
    landingH1: 'Vos données de santé, en un seul endroit',
    loginLink: 'Me connecter pour voir mes données',
    dashboardH1: 'Mon tableau de bord',
    portalLogout: 'Se déconnecter',
    loggedOutH1: 'Déconnexion réussie',
    idpLogin: 'Se connecter',
    idpLogout: 'Se déconnecter',
  },
  de: {
    switchLink: 'Deutsch',
    landingH1: 'Ihre Gesundheitsdaten an einem Ort',
    loginLink: 'Anmelden und meine Daten ansehen',
    dashboardH1: 'Meine Übersicht',
    portalLogout: 'Abmelden',
    loggedOutH1: 'Sie sind abgemeldet',
    idpLogin: 'Anmelden',
    idpLogout: 'Abmelden',
  },
  en: {
    switchLink: 'English',
    landingH1: 'Your health data, in one place',
    loginLink: 'Log in to see my data',
    dashboardH1: 'My dashboard',
    portalLogout: 'Log out',
    loggedOutH1: 'You are logged out',
    idpLogin: 'Log in',
    idpLogout: 'Log out',
  },
};

/** Sofie's vaccinations, newest first and oldest first. */
export const NEWEST_DATE = '18 October 2024';
export const OLDEST_DATE = '20 May 1986';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches any URL on the identity provider. */
export const ON_IDP = new RegExp('^' + escapeRegExp(IDP_URL) + '/');
/** Matches the portal's dashboard, with or without a query. */
export const ON_ACT_FOR = new RegExp('^' + escapeRegExp(CARNET_URL) + '/act-for$');
export const ON_DASHBOARD = new RegExp('^' + escapeRegExp(CARNET_URL) + '/dashboard(\\?.*)?$');
/** Matches the portal's logged-out page, with or without a query. */
export const ON_LOGGED_OUT = new RegExp('^' + escapeRegExp(CARNET_URL) + '/logged-out(\\?.*)?$');

export const vaccinationRows = (page: Page) => page.locator('table.vaccinations tbody tr');
export const firstVaccinationDate = (page: Page) =>
  vaccinationRows(page).first().locator('td').first();

/**
 * Logs Sofie in from the landing page through the identity provider's real form.
 * The page must be in English (a fresh context is: its Accept-Language is English).
 */
export async function loginAsSofie(page: Page): Promise<void> {
  await loginAs(page, USER.username);
}

/** Logs a demo account in through the provider form, from the landing page (in English). */
export async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await checkCsp(page, 'the landing page');
  await page.getByRole('link', { name: TEXT.en.loginLink }).click();
  await expect(page).toHaveURL(ON_IDP);
  await expect(page.locator('#username')).toBeVisible();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(USER.password);
  await page.getByRole('button', { name: TEXT.en.idpLogin, exact: true }).click();
  // Someone who may open another person's record (a mandate, a child) first chooses whose.
  if (MAY_ACT_FOR.has(username)) {
    await expect(page).toHaveURL(ON_ACT_FOR);
    await expect(page.locator('form[action="/act-for/self"], form[action="/act-for"]').first()).toBeVisible();
    await checkCsp(page, 'whose record, after login');
    return;
  }
  await expect(page).toHaveURL(ON_DASHBOARD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.en.dashboardH1);
  await checkCsp(page, 'the dashboard after login');
}

/** The demo accounts who land on "Whose record" after login (Marc's children; Pieter's mandate from Maria). */
const MAY_ACT_FOR = new Set(['marc', 'pieter']);

/**
 * Waits until the dashboard's streamed parts have all arrived (the sources' summary comes
 * last), or the error notice the page shows when the server failed. The notice fails the
 * test with what it says, so that a server error is not mistaken for a missing tile.
 */
export async function expectDashboardData(page: Page, where: string): Promise<void> {
  const done = page.locator('#tile-sources');
  const problem = page.locator('main .notice--error');
  await expect(done.or(problem).first()).toBeVisible();
  if ((await problem.count()) > 0) {
    const text = (await problem.first().innerText()).replace(/\s+/g, ' ').trim();
    throw new Error(
      `${where}: ${page.url()} shows an error notice instead of the dashboard: "${text}". ` +
      'This is a server-side failure of the portal; its log says why ' +
      '(e.g. "could not write the audit entry ... database is locked").',
    );
  }
  await expect(done).toBeVisible();
  await checkCsp(page, where);
}

/** Checks what the dashboard shows Sofie (in English). */
export async function expectSofiesDashboard(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.en.dashboardH1);
  await expectDashboardData(page, 'dashboard after login');
  await expect(page.locator('header')).toContainText(`Logged in as ${USER.name}`);
  await expect(page.locator('main')).toContainText(USER.name);
  const sources = page.locator('#tile-sources');
  for (const source of ['Vitalink', 'BruSafe+', 'Réseau Santé Wallon', 'Réseau Santé Bruxellois', 'CoZo']) {
    await expect(sources.getByText(`${source}: up to date`)).toBeVisible();
  }
  await expect(page.locator('#tile-vaccinations')).toContainText('7 vaccinations');
  await expect(page.locator('#tile-documents li')).toHaveCount(5);
  await expect(page.locator('#tile-allergies')).toContainText('Penicillin');
  await expect(page.locator('#tile-care-team')).toContainText('Dr. Annelies Peeters');
  // No tile is left waiting.
  await expect(page.locator('.tile-placeholder:visible')).toHaveCount(0);
}

/** Checks Sofie's vaccinations page (in English, newest first). */
export async function expectSofiesVaccinations(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vaccinations');
  await expect(page.getByText('7 vaccinations')).toBeVisible();
  await expect(vaccinationRows(page)).toHaveCount(7);
  const table = page.locator('table.vaccinations');
  await expect(table.getByText('COVID-19 vaccine').first()).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Dose 2', exact: true })).toBeVisible();
  await expect(firstVaccinationDate(page)).toHaveText(NEWEST_DATE);
}

/**
 * Opens the header's disclosure that holds `inside` when the page is narrow enough to fold
 * it away (on a phone the languages and the menu are <details>); on a wide page it is shown.
 */
export async function reveal(page: Page, inside: string): Promise<void> {
  const wide = page.locator(`.header-tools ${inside}, .main-nav-bar ${inside}`);
  if (await wide.first().isVisible()) return;
  const disclosure = page.locator('header details.disclosure').filter({ has: page.locator(inside) });
  // Opened until what it holds shows (a page still loading can replace a disclosure just
  // opened with a closed one).
  await expect(async () => {
    if (!(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await disclosure.locator('summary').click();
    }
    await expect(page.locator(`${inside}:visible`).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** Clicks a link of the language switch and waits until the page is in that language. */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  await reveal(page, 'nav.lang-switch');
  const link = page.locator('nav.lang-switch:visible').getByRole('link', { name: TEXT[lang].switchLink, exact: true });
  await link.click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await reveal(page, 'nav.lang-switch');
  await expect(
    page.locator('nav.lang-switch:visible').getByRole('link', { name: TEXT[lang].switchLink, exact: true }),
  ).toHaveAttribute('aria-current', 'true');
  await checkCsp(page, `the page after switching to ${lang}`);
}

/**
 * Logs out from the portal's header, in the page's current language. With JavaScript the
 * provider's logout page submits itself; without it, the test clicks its button.
 * The logout form must carry the session's CSRF token in a hidden `csrf` field, and the
 * browser must post it (with the portal's `Origin`): the server refuses a logout without.
 */
export async function logout(page: Page, lang: Lang, javaScript: boolean): Promise<void> {
  await checkCsp(page, 'the page before logout');
  await reveal(page, 'form.session__logout');
  const button = page.locator('header').getByRole('button', { name: TEXT[lang].portalLogout, exact: true });
  const form = page.locator('header form:visible').filter({
    has: page.getByRole('button', { name: TEXT[lang].portalLogout, exact: true }),
  });
  await expect(form).toHaveCount(1);
  await expect(form).toHaveAttribute('method', /^post$/i);
  await expect(form).toHaveAttribute('action', '/auth/logout');
  const csrf = form.locator('input[type="hidden"][name="csrf"]');
  await expect(csrf, 'the logout form carries exactly one hidden csrf field').toHaveCount(1);
  await expect(csrf, 'the logout form\'s csrf token is not empty').toHaveValue(/\S/);
  const token = await csrf.inputValue();
  const posted = page.waitForRequest((request) =>
    request.method() === 'POST' && request.url() === `${CARNET_URL}/auth/logout`);
  await button.click();
  const request = await posted;
  const sent = new URLSearchParams(request.postData() ?? '');
  expect(sent.get('csrf'), 'the logout form posts its csrf token').toBe(token);
  expect((await request.allHeaders())['origin'], 'the logout form posts with the portal\'s Origin').toBe(CARNET_ORIGIN);
  if (!javaScript) {
    await expect(page).toHaveURL(ON_IDP);
    await page.getByRole('button', { name: TEXT[lang].idpLogout, exact: true }).click();
  }
  await expect(page).toHaveURL(ON_LOGGED_OUT);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].loggedOutH1);
  await expect(page.locator('header')).not.toContainText(USER.name);
  await checkCsp(page, 'the logged-out page');
}

/** After logout, the dashboard must send the visitor to the provider's login form. */
export async function expectDashboardAsksToLogIn(page: Page, lang: Lang): Promise<void> {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(ON_IDP);
  await expect(page.locator('#username')).toBeVisible();
  await expect(page.locator('#password')).toBeVisible();
  await expect(page.getByRole('button', { name: TEXT[lang].idpLogin, exact: true })).toBeVisible();
  await expect(page.getByText(USER.name)).toHaveCount(0);
}

// ---------------------------------------------------------------------------------------
// Content-Security-Policy violations.
//
// The portal sends a strict CSP on every page (scripts only from itself or with the
// response's nonce, styles and images only from itself, forms only to itself or the
// provider, ...). A violation is something the page wanted and the browser refused: a
// broken page for the person, or an injection. Two witnesses, because neither sees all:
// - an init script, registered before any navigation, listens for `securitypolicyviolation`
//   on `document` (capture phase) and pushes {violatedDirective, blockedURI, sourceFile,
//   lineNumber} into `window.__carnetCspViolations`; it also hands each report to the test
//   through a binding, so that the reports of a page the test has left are kept;
// - Chromium's console messages about the policy ("... violates the following Content
//   Security Policy directive ..."), which also come when the page runs no script at all
//   (JavaScript off: no event listener runs, but the browser still refuses and says so).
// Only the portal's pages are judged: the identity provider is another origin with its
// own policy.
// ---------------------------------------------------------------------------------------

/** One report of a refused action, by the page's event or by Chromium's console. */
export type CspReport = {
  via: 'event' | 'console';
  /** The document that reported it. */
  page: string;
  violatedDirective?: string;
  blockedURI?: string;
  sourceFile?: string;
  lineNumber?: number;
  /** The console message (via 'console'). */
  text?: string;
  /** Which report of which document (via 'event'): the same report read twice is one. */
  key?: string;
};

const CSP_ARRAY = '__carnetCspViolations';
const CSP_BINDING = '__carnetCspReport';

type CspRecorder = { reports: CspReport[] };
const recorders = new WeakMap<Page, CspRecorder>();

function onPortal(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === CARNET_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Starts recording the page's CSP violations. Call it before the page's first navigation
 * (the `test` of this module does, for every test that takes its `page`).
 */
export async function recordCspViolations(page: Page): Promise<void> {
  if (recorders.has(page)) return;
  const recorder: CspRecorder = { reports: [] };
  recorders.set(page, recorder);
  page.on('console', (message) => {
    const text = message.text();
    if (!text.includes('Content Security Policy')) return;
    const location = message.location();
    recorder.reports.push({
      via: 'console',
      // The message names the document (or script) it comes from; an injected script has
      // no URL of its own, it belongs to the page shown.
      page: location.url || page.url(),
      sourceFile: location.url || undefined,
      lineNumber: location.lineNumber,
      text,
    });
  });
  await page.exposeBinding(CSP_BINDING, (_source, report: CspReport) => {
    recorder.reports.push(report);
  });
  await page.addInitScript(({ array, binding }) => {
    const w = window as unknown as Record<string, unknown>;
    if (Array.isArray(w[array])) return;
    const reports: unknown[] = [];
    w[array] = reports;
    const doc = Math.random().toString(36).slice(2);
    let count = 0;
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = {
        via: 'event',
        page: location.href,
        violatedDirective: event.violatedDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
        key: `${doc}#${count++}`,
      };
      reports.push(report);
      const send = w[binding];
      if (typeof send === 'function') {
        try { (send as (r: unknown) => Promise<void>)(report).catch(() => {}); } catch { /* the page is going */ }
      }
    }, true);
  }, { array: CSP_ARRAY, binding: CSP_BINDING });
}

/** Is a CSP recorder running on this page? */
export function recordsCspViolations(page: Page): boolean {
  return recorders.has(page);
}

/**
 * The CSP violations reported on the portal's pages since recording began (or since the
 * last `takeCspViolations`): the current page's array, read from the page, and the
 * reports of the pages visited before. Fails if the current page is the portal's and has
 * no recorder: a check that cannot see would always pass.
 */
export async function cspViolations(page: Page): Promise<CspReport[]> {
  const recorder = recorders.get(page);
  if (!recorder) {
    throw new Error('No CSP recorder on this page: call recordCspViolations(page) before its first navigation '
      + '(or take the `test` of support.ts).');
  }
  let current: CspReport[] = [];
  if (!page.isClosed() && onPortal(page.url())) {
    // Late reports (the island's WebAssembly, a streamed part) come before the page is idle.
    await page.waitForLoadState('networkidle').catch(() => {});
    const read = () => page.evaluate((array) => {
      const reports = (window as unknown as Record<string, unknown>)[array];
      return Array.isArray(reports) ? reports as CspReport[] : null;
    }, CSP_ARRAY);
    let fromPage: CspReport[] | null;
    try {
      fromPage = await read();
    } catch {
      // The page was between two documents: read the one it settled on.
      await page.waitForLoadState('load').catch(() => {});
      fromPage = await read();
    }
    if (fromPage === null && onPortal(page.url())) {
      throw new Error(`The CSP recorder is not installed on ${page.url()}: its init script did not run there.`);
    }
    current = fromPage ?? [];
  }
  const seen = new Set<string>();
  const all: CspReport[] = [];
  for (const report of [...recorder.reports, ...current]) {
    if (!onPortal(report.page)) continue;
    if (report.key) {
      if (seen.has(report.key)) continue;
      seen.add(report.key);
    }
    all.push(report);
  }
  return all;
}

/** Returns the violations so far and forgets them (for a test that provokes one on purpose). */
export async function takeCspViolations(page: Page): Promise<CspReport[]> {
  const reports = await cspViolations(page);
  recorders.get(page)!.reports.length = 0;
  if (!page.isClosed() && onPortal(page.url())) {
    await page.evaluate((array) => {
      const list = (window as unknown as Record<string, unknown>)[array];
      if (Array.isArray(list)) list.length = 0;
    }, CSP_ARRAY);
  }
  return reports;
}

/** The reports, one a line, as a developer needs them: page, directive, what, where. */
export function formatCspReports(reports: CspReport[]): string {
  return reports.map((r) => {
    const where = r.sourceFile ? ` at ${r.sourceFile}${r.lineNumber ? `:${r.lineNumber}` : ''}` : '';
    return r.via === 'event'
      ? `- ${r.page}: ${r.violatedDirective} blocked ${r.blockedURI || '(nothing named)'}${where}`
      : `- ${r.page}: console: ${r.text}${where}`;
  }).join('\n');
}

/** Fails with the reports if any page of the portal visited so far reported a CSP violation. */
export async function expectNoCspViolations(page: Page, what: string): Promise<void> {
  const reports = await cspViolations(page);
  if (reports.length > 0) {
    const report = `${reports.length} Content-Security-Policy violation report(s) by ${what} `
      + `(or a portal page before it):\n${formatCspReports(reports)}`;
    await test.info().attach(`csp-${what}.txt`, { body: report, contentType: 'text/plain' });
    expect(reports, report).toEqual([]);
  }
}

/** The check of the shared steps: only where the page is recorded (a test of this module's `test`). */
async function checkCsp(page: Page, what: string): Promise<void> {
  if (recordsCspViolations(page)) await expectNoCspViolations(page, what);
}

/**
 * Playwright's `test`, with the CSP recorder on the `page` of every test that uses it:
 * started before the first navigation and checked when the test ends (every portal page
 * the test visited). The shared steps above check it too, page by page.
 */
export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    await recordCspViolations(page);
    await use(page);
    const reports = await cspViolations(page).catch(() => recorders.get(page)!.reports.filter((r) => onPortal(r.page)));
    if (reports.length > 0) {
      const report = `Content-Security-Policy violation report(s) during the test:\n${formatCspReports(reports)}`;
      await testInfo.attach('csp-violations.txt', { body: report, contentType: 'text/plain' });
      // A test that failed already keeps its own error; the report is attached to it.
      if (testInfo.status === testInfo.expectedStatus) throw new Error(report);
    }
  },
});
export { expect };

/** A phone's window, where pages must show everything. */
export const PHONE = { width: 360, height: 800 };

/**
 * Logs in through the provider's form in a context of its own (JavaScript on or off, at a
 * phone's width), with the CSP recorder on its page; returns the page where the portal lands
 * (`next`, or the dashboard).
 */
export async function phoneSession(browser: Browser, javaScript: boolean, username: string, next?: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'en-GB', viewport: PHONE });
  const page = await context.newPage();
  await recordCspViolations(page);
  await page.goto(`${CARNET_URL}/auth/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await expect(page).toHaveURL(new RegExp('^' + escapeRegExp(IDP_URL)));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(USER.password);
  await page.locator('#password').press('Enter');
  await expect(page).toHaveURL(new RegExp('^' + escapeRegExp(CARNET_URL) + (next ? escapeRegExp(next) + '$' : '/')));
  await page.waitForLoadState('load');
  return page;
}

/** Nothing sticks out sideways: the page is no wider than the phone's window. */
export async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(innerWidth, `${what}: the window is a phone's`).toBe(PHONE.width);
  expect(scrollWidth, `${what}: nothing off-screen (scrollWidth ${scrollWidth} > ${innerWidth})`).toBeLessThanOrEqual(innerWidth);
}
