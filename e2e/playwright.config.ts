import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against the real API and a fresh database (see global-setup.ts), with Debian's
 * Chromium by default; CHROMIUM_PATH points elsewhere where Playwright's own browser is used.
 */
export default defineConfig({
  testDir: '.',
  globalSetup: './global-setup.ts',
  // The specs share one database and change places in it: one at a time keeps them honest.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    // Set by global-setup.ts, which runs before the workers that read this.
    baseURL: process.env.E2E_BASE_URL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
    // A browser far from the temple: every date on screen must still be the temple's own.
    timezoneId: 'America/New_York',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: './web',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 360, height: 640 },
        hasTouch: true,
        isMobile: false,
      },
    },
    {
      name: 'admin',
      testDir: './admin',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
});
