import { defineConfig } from '@playwright/test';

// The stack (portal, identity provider, demo hubs) is started outside Playwright:
// by server/scripts/test.sh in CI, or by hand (server/scripts/run.sh) when developing.
export const CARNET_URL = (process.env.CARNET_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const IDP_URL = (process.env.IDP_URL || 'http://127.0.0.1:3002').replace(/\/+$/, '');

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: CARNET_URL,
    browserName: 'chromium',
    locale: 'en-GB',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium: Playwright never downloads a browser of its own.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
