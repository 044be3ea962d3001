import { describe, expect, it } from 'vitest';
import { href, hrefOf, parseRoute, watchHref, type Route } from './routes.ts';

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
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('links round-trip through the parser, with defaults left out', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'session' },
      { name: 'live', pose: { backend: 'mediapipe-cpu', model: 'lite' } },
      { name: 'video', pose: { backend: 'auto', model: 'heavy' }, review: { sessionId: 'a&b=c', exercise: 'x' } },
    ];
    for (const r of routes) expect(parseRoute(hrefOf(r))).toEqual(r);
    expect(href('home')).toBe('#/');
    expect(href('live')).toBe('#/live');
    expect(watchHref('session-1', 'cat-camel')).toBe('#/video?session=session-1&exercise=cat-camel');
  });
});
