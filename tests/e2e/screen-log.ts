/**
 * What the screen showed, kept as it happened: a MutationObserver in the page notes each new text of the watched
 * elements (by data-testid), so a test can assert that something was on screen even when the session has already
 * moved on by the time the test looks (a loaded machine: the camera check passes, or a stop fires, between two
 * polls). Waiting on the log is event-driven: no state is missed, and nothing is asserted more loosely.
 */
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    /** data-testid -> every text it showed, in order (repeats folded). */
    __screenLog?: Record<string, string[]>;
  }
}

/** Starts logging the texts of the elements with these data-testids, from the next page load on. */
export async function logScreen(page: Page, testIds: readonly string[]): Promise<void> {
  await page.addInitScript((ids: readonly string[]) => {
    const log: Record<string, string[]> = (window.__screenLog = {});
    const note = () => {
      for (const id of ids) {
        const el = document.querySelector(`[data-testid="${id}"]`);
        if (!el) continue;
        const text = el.textContent?.trim() ?? '';
        const seen = (log[id] ??= []);
        if (seen.at(-1) !== text) seen.push(text);
      }
    };
    const watch = () =>
      new MutationObserver(note).observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    if (document.documentElement) watch();
    else document.addEventListener('DOMContentLoaded', watch, { once: true });
  }, testIds);
}

/** Waits until the element `testId` has shown a text matching `pattern` (now or at any time since the page loaded). */
export async function wasShown(page: Page, testId: string, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    ([id, source, flags]) => (window.__screenLog?.[id] ?? []).some((t) => new RegExp(source, flags).test(t)),
    [testId, pattern.source, pattern.flags] as const,
    { timeout: timeoutMs },
  );
}
