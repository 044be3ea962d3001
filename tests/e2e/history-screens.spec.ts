/**
 * History, Home (streak, minutes, routine by relief) and the chart, from sessions stored on the device over several
 * days. The sessions are written straight into the app's IndexedDB (as the app would have saved them), then the page
 * is reloaded: what the user sees must come from storage.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { SessionRecord, StretchResult } from '../../src/sessions/types.ts';
import { dayKey } from '../../src/sessions/types.ts';
import { storeSessions } from './app-helpers.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

function daysAgo(n: number): Date {
  const d = new Date();
  d.setHours(8, 0, 0, 0);
  d.setDate(d.getDate() - n);
  return d;
}

function stretch(fields: Partial<StretchResult>): StretchResult {
  return {
    exercise: 'single-knee-to-chest',
    reps: 6,
    repsBySide: { left: 3, right: 3 },
    holds: [
      { side: 'left', heldS: 20 },
      { side: 'right', heldS: 18 },
    ],
    peakDepth: { left: 100, right: 92, none: null },
    unit: 'deg',
    calibrated: { left: 105, right: 98, none: null },
    stops: [],
    relief: 'better',
    pain: 3,
    durationS: 120,
    ...fields,
  };
}

/** Four days in a row up to today: knee to chest improving (left further than right), prone extension made it worse twice. */
function sessions(): SessionRecord[] {
  return [3, 2, 1, 0].map((n, i) => {
    const d = daysAgo(n);
    return {
      id: `seed-${n}`,
      startedIso: d.toISOString(),
      day: dayKey(d),
      durationS: 540 + i * 120,
      stretches: [
        stretch({
          peakDepth: { left: 92 + i * 4, right: 85 + i * 3, none: null },
          relief: i === 0 ? 'same' : 'better',
          pain: 4 - i,
        }),
        stretch({
          exercise: 'prone-extension',
          repsBySide: { left: 0, right: 0 },
          reps: 5,
          holds: [],
          peakDepth: { left: null, right: null, none: 24 + i },
          calibrated: { left: null, right: null, none: 26 },
          relief: i >= 2 ? 'worse' : 'same',
          pain: 4,
          stops:
            i === 3
              ? [
                  {
                    exercise: 'prone-extension',
                    reason: 'pain',
                    rep: 3,
                    side: 'none',
                    depth: 27,
                    limit: null,
                    sessionMs: 300_000,
                    atIso: d.toISOString(),
                    choice: 'next-stretch',
                  },
                ]
              : [],
        }),
      ],
    };
  });
}

test.use({ viewport: { width: 1280, height: 900 } });

test('history lists stored sessions with a range chart per stretch; home shows streak, minutes and a routine by relief', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /I have read this/ }).click();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  const seed = sessions();
  await storeSessions(page, seed);

  await page.reload();
  await expect(page.getByTestId('streak')).toHaveText('4');
  const todayMin = Math.round((seed.at(-1)?.durationS ?? 0) / 60);
  await expect(page.getByTestId('minutes-today')).toHaveText(String(todayMin));
  // the days that met the 10-minute goal (11, 13 and 15 min) carry a tick, not only a colour
  await expect(page.getByTestId('goal-met')).toHaveCount(3);
  // prone extension was rated worse on the last two days: left out of today's routine, with the reason
  const prone = page.locator('li', { hasText: 'Prone extension' });
  await expect(prone).toContainText(/made it worse/);
  await expect(prone.getByRole('checkbox')).not.toBeChecked();
  await expect(
    page
      .locator('li', { hasText: /knee to chest/i })
      .first()
      .getByRole('checkbox'),
  ).toBeChecked();
  await page.screenshot({ path: path.join(SHOTS, 'home-with-history.png'), fullPage: true });

  await page.goto('/#/history');
  await expect(page.getByTestId('history-session')).toHaveCount(4);
  await expect(page.getByTestId('history-session').first()).toContainText('pain at rep 3');
  const chart = page.getByRole('img', { name: /knee to chest: range per day, left and right/i });
  await expect(chart).toBeVisible();
  await expect(chart.locator('path.line')).toHaveCount(2); // left and right lines
  // the calibrated comfortable limits (left 105, right 98) drawn as dashed lines, named in the caption
  await expect(chart.getByTestId('limit-left')).toHaveCount(1);
  await expect(chart.getByTestId('limit-right')).toHaveCount(1);
  await expect(page.locator('figure', { has: chart })).toContainText('your comfortable limit');
  // sides told apart by more than colour: left circles, right squares, each line's letter at its end, the legend
  // shows each shape with its word; relief by arrow shape and word
  await expect(chart.locator('circle')).toHaveCount(4);
  await expect(chart.locator('rect[data-testid="dot-right"]')).toHaveCount(4);
  await expect(chart.getByTestId('end-left')).toHaveText('L');
  await expect(chart.getByTestId('end-right')).toHaveText('R');
  const legend = page.locator('figure', { has: chart }).getByTestId('chart-legend');
  for (const words of ['● L left', '■ R right', '▲ better', '● same', '▼ worse'])
    await expect(legend).toContainText(words);
  await expect(page.getByTestId('history-session').first()).toContainText('▲ better');
  await page.screenshot({ path: path.join(SHOTS, 'history-days.png'), fullPage: true });
});

test('a stored stretch that is no longer in the programme is shown as such, and History still works', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: /I have read this/ }).click();
  const d = daysAgo(1);
  const record: SessionRecord = {
    id: 'seed-retired',
    startedIso: d.toISOString(),
    day: dayKey(d),
    durationS: 300,
    stretches: [
      stretch({ exercise: 'wall-angel' as StretchResult['exercise'], relief: 'same' }),
      stretch({ relief: 'better' }),
    ],
  };
  await storeSessions(page, [record]);

  await page.goto('/#/history');
  await page.reload();
  const row = page.getByTestId('history-session');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/a stretch no longer in the programme/i);
  await expect(row).toContainText('Single knee to chest');
  await expect(page.getByRole('img', { name: /no longer in the programme: range per day/i })).toBeVisible();
  await expect(page.getByRole('img', { name: /single knee to chest: range per day/i })).toBeVisible();
  expect(errors).toEqual([]);
});
