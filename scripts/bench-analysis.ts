/**
 * The analysis rows of `npm run bench`: a video file analysed as `npm run analyze` does (decoded in a worker), beside
 * the same file only decoded (no detector), only sought (the fallback), and the detector alone on frames held in
 * memory, all in one browser and one run so that the machine's load moves every figure alike.
 */
import type { Browser } from '@playwright/test';
import type { BackendChoice, ModelType } from '../src/pose/types.ts';
import { analysisRow, type AnalysisRow } from './bench-report.ts';

/** Frames the detector-alone reference runs on (the first ones of the clip, decoded beforehand). */
const ALONE_FRAMES = 40;

export async function benchAnalysis(
  browser: Browser,
  url: string,
  video: string,
  backend: BackendChoice,
  model: ModelType,
): Promise<AnalysisRow> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${url}/#/video`);
    await page.waitForFunction(() => typeof window.__spineAnalyze === 'function', null, { timeout: 60_000 });
    const base = { url: `${url}/__video`, fps: 10 };
    const decodeOnly = await page.evaluate((r) => window.__spineReadFrames!(r), base);
    const seekOnly = await page.evaluate(
      (r) => window.__spineReadFrames!({ ...r, forceSeek: true, sourceFps: 30 }),
      base,
    );
    const analysis = await page.evaluate((r) => window.__spineAnalyze!(r), { ...base, backend, model });
    const aloneMs = await page.evaluate(([r, n]) => window.__spineDetectorAlone!(r, n), [
      { ...base, backend, model },
      ALONE_FRAMES,
    ] as const);
    return analysisRow(video, backend, { decodeOnly, seekOnly, analysis, aloneMs });
  } finally {
    await context.close();
  }
}
