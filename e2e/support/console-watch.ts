import type { Page } from '@playwright/test';

/**
 * Everything a page complains about while it loads and is used: console errors, uncaught
 * exceptions and Content-Security-Policy violations (which Chromium reports as a console error,
 * and as a `securitypolicyviolation` event that this also records), plus every URL it requests.
 * Attach before the first `goto`.
 */
export interface PageWatch {
  errors: string[];
  requests: string[];
  /** CSP violations seen by the page itself, read from it. */
  cspViolations(): Promise<string[]>;
}

export async function watchPage(page: Page): Promise<PageWatch> {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      const where = event.sourceFile ? ` in ${event.sourceFile}:${event.lineNumber}` : '';
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}${where}`);
    });
  });
  return {
    errors,
    requests,
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}
