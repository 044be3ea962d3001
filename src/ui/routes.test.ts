import { describe, expect, it } from 'vitest';
import { href, hrefOf, parseRoute, reportHref, watchHref, type Route } from './routes.ts';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/history', { name: 'history' }],
    ['#/nowhere', { name: 'home' }],
    ['#/live', { name: 'live', pose: { backend: 'auto', model: 'lite' } }],
    ['#/live?backend=wasm&model=full', { name: 'live', pose: { backend: 'wasm', model: 'full' } }],
    ['#/live?backend=cuda&model=huge', { name: 'live', pose: { backend: 'auto', model: 'lite' } }],
    [
      '#/video?session=session-2026-03-02T08%3A00%3A00.000Z&exercise=prone-extension',
      {
        name: 'video',
        pose: { backend: 'auto', model: 'lite' },
        review: { sessionId: 'session-2026-03-02T08:00:00.000Z', exercise: 'prone-extension' },
      },
    ],
    ['#/video?session=s1', { name: 'video', pose: { backend: 'auto', model: 'lite' }, review: null }],
    ['#/report?session=s1', { name: 'report', scope: { sessionId: 's1' } }],
    ['#/report?from=2026-11-01&to=2026-11-30', { name: 'report', scope: { from: '2026-11-01', to: '2026-11-30' } }],
    ['#/report?from=2026-11-01', { name: 'report', scope: { from: '2026-11-01', to: null } }],
    ['#/report?from=yesterday&to=2026-13', { name: 'report', scope: { from: null, to: null } }],
    ['#/report', { name: 'report', scope: { from: null, to: null } }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('links round-trip through the parser, with defaults left out', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'session' },
      { name: 'live', pose: { backend: 'mediapipe-cpu', model: 'lite' } },
      { name: 'video', pose: { backend: 'auto', model: 'heavy' }, review: { sessionId: 'a&b=c', exercise: 'x' } },
      { name: 'report', scope: { sessionId: 'session-2026-03-02T08:00:00.000Z' } },
      { name: 'report', scope: { from: null, to: '2026-11-30' } },
    ];
    for (const r of routes) expect(parseRoute(hrefOf(r))).toEqual(r);
    expect(href('home')).toBe('#/');
    expect(href('live')).toBe('#/live');
    expect(watchHref('session-1', 'cat-camel')).toBe('#/video?session=session-1&exercise=cat-camel');
    expect(reportHref({ from: '2026-11-01', to: '2026-11-30' })).toBe('#/report?from=2026-11-01&to=2026-11-30');
    expect(href('report')).toBe('#/report');
  });
});
