/**
 * The service worker (Workbox), built by vite-plugin-pwa (vite-plugins/pwa.ts) to /sw.js; registered by
 * UpdatePrompt.svelte in production builds only.
 * - App shell (index.html, JS, CSS, icons, manifest): precached at install from the build's manifest, so a second
 *   start paints without the network; every navigation answers with the precached index.html (hash routes).
 * - Model and wasm files (pose-assets.ts's mounts): cache-first, stored on first use, so a second start skips the
 *   download and works offline. Their cache is named after their bytes (`__MODEL_CACHE__.name`): a new build with
 *   the same models keeps it, a model or runtime upgrade starts a new one and the old one goes at activation.
 * - A new version installs and waits; the page's "Reload" posts SKIP_WAITING and reloads under it.
 */
import { clientsClaim } from 'workbox-core';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

interface ExtendableEvt extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface ExtendableMessageEvt extends ExtendableEvt {
  readonly data: unknown;
}
interface SwScope {
  readonly __WB_MANIFEST: (string | PrecacheEntry)[];
  readonly registration: { readonly scope: string };
  readonly location: { readonly origin: string; readonly href: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'activate', l: (e: ExtendableEvt) => void): void;
  addEventListener(type: 'message', l: (e: ExtendableMessageEvt) => void): void;
}

/** The worker's global scope: only what this file uses (the project's lib is DOM, not WebWorker). */
declare const self: SwScope;
declare const __MODEL_CACHE__: { readonly name: string; readonly prefixes: readonly string[] };
const basePath = new URL(self.registration.scope).pathname;
/** Our caches the current version does not use: older model caches and the hand-written worker's shell caches
 * (Workbox's own precache, workbox-precache-v2-<scope>, is kept current by Workbox). */
const isStale = (name: string): boolean => name.startsWith('spine-coach-') && name !== __MODEL_CACHE__.name;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim(); // the first install controls the open page at once (no earlier version to wait for)
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
const isModelFile = (url: URL): boolean =>
  url.origin === self.location.origin && __MODEL_CACHE__.prefixes.some((p) => url.pathname.startsWith(basePath + p));
const modelFiles = new CacheFirst({
  cacheName: __MODEL_CACHE__.name,
  // the server answers with Vary: Origin, and a script tag's request (crossorigin) differs from a fetch's in Origin
  matchOptions: { ignoreSearch: true, ignoreVary: true },
  plugins: [new CacheableResponsePlugin({ statuses: [200] })], // never a partial or an error answer
});
registerRoute(
  ({ url, request }) => request.method === 'GET' && !request.headers.has('range') && isModelFile(url),
  modelFiles,
);

/** The first visit fetched its model files before this worker controlled the page: the page lists what it loaded
 * (UpdatePrompt.svelte, once the worker is active) and the model files among them are stored now, from the HTTP
 * cache, so that the very next start works offline. */
async function keepModelFiles(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(__MODEL_CACHE__.name);
  for (const href of urls) {
    const url = new URL(href, self.location.href);
    if (!isModelFile(url) || (await cache.match(url.href, { ignoreSearch: true, ignoreVary: true }))) continue;
    const res = await fetch(url.href);
    if (res.status === 200) await cache.put(url.href, res);
  }
}

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter(isStale).map((k) => caches.delete(k)))));
});

self.addEventListener('message', (e) => {
  const data = e.data as { type?: unknown; urls?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === 'KEEP_MODEL_FILES' && Array.isArray(data.urls))
    e.waitUntil(keepModelFiles(data.urls.filter((u): u is string => typeof u === 'string')));
});
