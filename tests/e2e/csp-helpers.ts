import type { Page } from '@playwright/test';

/** One Content-Security-Policy violation, as the page's event or the console reported it. */
export interface CspViolation {
  readonly where: 'document' | 'console';
  readonly text: string;
}

/**
 * Collects every CSP violation of the page and its workers: the document's `securitypolicyviolation` events (with
 * the directive and the blocked URI) and Chromium's console reports, which are the only trace a worker leaves.
 */
export async function watchCspViolations(page: Page): Promise<CspViolation[]> {
  const seen: CspViolation[] = [];
  await page.exposeFunction('__reportCsp', (text: string) => seen.push({ where: 'document', text }));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push({ where: 'console', text: m.text() });
  });
  return seen;
}
