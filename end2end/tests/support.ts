// Shared by the browser tests: where the stack is, the demo user, the words each
// language shows, and the steps that several tests take (log in, switch language, log out).
import { expect, type Page } from '@playwright/test';

export const CARNET_URL = (process.env.CARNET_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const IDP_URL = (process.env.IDP_URL || 'http://127.0.0.1:3002').replace(/\/+$/, '');

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
  await page.getByRole('link', { name: TEXT.en.loginLink }).click();
  await expect(page).toHaveURL(ON_IDP);
  await expect(page.locator('#username')).toBeVisible();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(USER.password);
  await page.getByRole('button', { name: TEXT.en.idpLogin, exact: true }).click();
  await expect(page).toHaveURL(ON_DASHBOARD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.en.dashboardH1);
}

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

/** Clicks a link of the language switch and waits until the page is in that language. */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  const link = page.locator('nav.lang-switch').getByRole('link', { name: TEXT[lang].switchLink, exact: true });
  await link.click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(
    page.locator('nav.lang-switch').getByRole('link', { name: TEXT[lang].switchLink, exact: true }),
  ).toHaveAttribute('aria-current', 'true');
}

/**
 * Logs out from the portal's header, in the page's current language. With JavaScript the
 * provider's logout page submits itself; without it, the test clicks its button.
 */
export async function logout(page: Page, lang: Lang, javaScript: boolean): Promise<void> {
  await page.locator('header').getByRole('button', { name: TEXT[lang].portalLogout, exact: true }).click();
  if (!javaScript) {
    await expect(page).toHaveURL(ON_IDP);
    await page.getByRole('button', { name: TEXT[lang].idpLogout, exact: true }).click();
  }
  await expect(page).toHaveURL(ON_LOGGED_OUT);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].loggedOutH1);
  await expect(page.locator('header')).not.toContainText(USER.name);
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
