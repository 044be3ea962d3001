/**
 * Renders public/icon.svg (drawn by hand) to the PNG icons the web app manifest lists, with the Debian Chromium
 * (no SVG rasteriser is installed here: ImageMagick has no SVG delegate). Run by hand after editing the SVG, and
 * commit the PNGs: `npx tsx scripts/render-icons.ts`. The build never runs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, HEADLESS_ARGS } from './lib/chromium.ts';

const PUBLIC = path.resolve(import.meta.dirname, '..', 'public');
/** Sizes the manifest and index.html name: 192 and 512 (Chrome's install minimum and splash), 180 (Apple touch). */
const ICONS = [
  { file: 'icon-192.png', sizePx: 192 },
  { file: 'icon-512.png', sizePx: 512 },
  { file: 'apple-touch-icon.png', sizePx: 180 },
];

const svg = readFileSync(path.join(PUBLIC, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: HEADLESS_ARGS });
try {
  for (const { file, sizePx } of ICONS) {
    const page = await browser.newPage({ viewport: { width: sizePx, height: sizePx } });
    await page.setContent(
      `<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${sizePx}" height="${sizePx}" `)}</body></html>`,
    );
    await page.screenshot({ path: path.join(PUBLIC, file), omitBackground: false });
    await page.close();
    console.log(`${file}: ${sizePx}x${sizePx}`);
  }
} finally {
  await browser.close();
}
