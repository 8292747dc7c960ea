// The Content-Security-Policy: hydration works under it (the nonce of the response's
// header is the one on the hydration script, the glossary term's island opens in place,
// nothing is refused), and the recorder that every page test runs (support.ts) does see a
// violation, with JavaScript on and off, and only on the portal's pages.
import { expect, type Page } from '@playwright/test';
import {
  CARNET_URL, ON_IDP, TEXT, cspViolations, expectDashboardData, expectNoCspViolations, loginAsSofie, takeCspViolations, test,
} from './support';

/** The nonce the policy allows scripts with, from the CSP header of a response. */
function nonceOf(policy: string | undefined): string {
  expect(policy, 'the page has a Content-Security-Policy header').toBeTruthy();
  const scriptSrc = policy!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
  expect(scriptSrc, `script-src in "${policy}"`).toBeTruthy();
  const nonces = scriptSrc!.split(/\s+/).filter((s) => s.startsWith("'nonce-"));
  expect(nonces, `exactly one nonce in "${scriptSrc}"`).toHaveLength(1);
  const nonce = nonces[0].replace(/^'nonce-/, '').replace(/'$/, '');
  // 16 random bytes, base64url: 22 characters.
  expect(nonce).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  return nonce;
}

/** The inline scripts of the HTML as served: their attributes and their text. */
function inlineScripts(html: string): { attributes: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/i.test(m[1]))
    .map((m) => ({ attributes: m[1], body: m[2] }));
}

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });

  test('hydration under the CSP: the header\'s nonce is on the hydration script, the glossary term opens in place', async ({ page }) => {
    await loginAsSofie(page);

    const response = await page.goto('/dashboard');
    expect(response, 'the dashboard answered').not.toBeNull();
    expect(response!.status()).toBe(200);
    const nonce = nonceOf(response!.headers()['content-security-policy']);
    await expectDashboardData(page, 'dashboard');

    await test.step('the served HTML: the hydration script, and every inline script, carries the nonce', async () => {
      const scripts = inlineScripts(await response!.text());
      const hydration = scripts.filter((s) => s.body.includes('hydrateIslands'));
      expect(hydration, 'one inline hydration script (Leptos islands)').toHaveLength(1);
      expect(hydration[0].attributes).toContain(`nonce="${nonce}"`);
      for (const script of scripts) {
        expect(script.attributes, `inline script "${script.body.slice(0, 80)}…" carries the nonce`).toContain(`nonce="${nonce}"`);
      }
    });

    await test.step('the page: the hydration script has its nonce (the browser hides the attribute\'s value, not the nonce)', async () => {
      const inDom = await page.evaluate(() => [...document.querySelectorAll('script')]
        .filter((s) => (s.textContent ?? '').includes('hydrateIslands'))
        .map((s) => ({ hasAttribute: s.hasAttribute('nonce'), nonce: s.nonce })));
      expect(inDom).toEqual([{ hasAttribute: true, nonce }]);
    });

    await test.step('a fresh nonce for each response', async () => {
      const again = await page.request.get('/dashboard');
      expect(nonceOf(again.headers()['content-security-policy'])).not.toBe(nonce);
    });

    // The glossary island opening in place under this policy is flow-js.spec.ts's step
    // 'a glossary term opens its explanation in place', which checks for violations too.

    await test.step('no violation was reported', async () => {
      expect(await cspViolations(page)).toEqual([]);
      await expectNoCspViolations(page, 'the hydrated dashboard');
    });
  });
});

/** Puts an image from another origin on the page: `img-src 'self' data:` refuses it. */
async function provokeImageViolation(page: Page, src: string): Promise<void> {
  await page.evaluate((url) => {
    const img = document.createElement('img');
    img.src = url;
    img.alt = '';
    document.body.append(img);
  }, src);
}

// The recorder itself: a check that cannot fail would prove nothing.
for (const javaScriptEnabled of [true, false]) {
  test.describe(`the CSP recorder, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('sees a violation on a portal page, and only there', async ({ page }) => {
      const blocked = 'http://blocked.invalid/carnet-csp-self-test.png';
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.en.landingH1);
      expect(await cspViolations(page), 'nothing yet').toEqual([]);

      await provokeImageViolation(page, blocked);
      // With JavaScript the page's listener and Chromium's console both report it;
      // without, the listener does not run and the console still does.
      await expect.poll(async () => (await cspViolations(page)).map((r) => r.via).sort())
        .toEqual(javaScriptEnabled ? ['console', 'event'] : ['console']);
      const reports = await cspViolations(page);
      const console = reports.find((r) => r.via === 'console')!;
      expect(console.page).toBe(`${CARNET_URL}/`);
      expect(console.text).toContain(blocked);
      expect(console.text).toContain('img-src');
      if (javaScriptEnabled) {
        expect(reports.find((r) => r.via === 'event')).toMatchObject({
          page: `${CARNET_URL}/`, violatedDirective: 'img-src', blockedURI: blocked,
        });
      }
      // The check fails with what was blocked, where.
      const failure = await expectNoCspViolations(page, 'the self-test').then(() => null, (e: Error) => e);
      expect(failure, 'expectNoCspViolations fails when a violation was reported').not.toBeNull();
      expect(failure!.message).toContain(blocked);
      expect(failure!.message).toContain(`${CARNET_URL}/`);

      // Kept after the page is left: a report of a page visited before still counts.
      await page.goto('/glossary');
      await expect.poll(async () => (await cspViolations(page)).length).toBe(reports.length);
      expect((await takeCspViolations(page)).length).toBe(reports.length);
      expect(await cspViolations(page), 'forgotten once taken').toEqual([]);

      // The provider is another origin with its own policy: its pages are not judged.
      await page.goto('/auth/login');
      await expect(page).toHaveURL(ON_IDP);
      await provokeImageViolation(page, blocked);
      await page.waitForTimeout(500);
      expect(await cspViolations(page), 'a violation on the provider\'s page is not the portal\'s').toEqual([]);
    });
  });
}
