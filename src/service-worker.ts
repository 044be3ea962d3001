/**
 * The service worker (built by vite-plugins/service-worker.ts to /sw.js, registered by main.ts in production only).
 * - App shell (index.html, JS, CSS): precached at install, so a second start paints without the network.
 * - Model and wasm files (mediapipe/, tfjs-wasm/, models/): cache-first, stored on first use, so a second start skips
 *   the download and works offline. Both caches are named after the build's version; old ones go at activation.
 * Self-contained on purpose (no imports): the plugin only strips the types and injects the manifest.
 */

interface SwManifest {
  readonly version: string;
  readonly shell: readonly string[];
  readonly modelPrefixes: readonly string[];
}
interface ExtendableEvt extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvt extends ExtendableEvt {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
interface SwScope {
  readonly registration: { readonly scope: string };
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', l: (e: ExtendableEvt) => void): void;
  addEventListener(type: 'fetch', l: (e: FetchEvt) => void): void;
}

declare const __SW_MANIFEST__: SwManifest;
const sw = self as unknown as SwScope;
const MANIFEST = __SW_MANIFEST__;
const SHELL_CACHE = `spine-coach-shell-${MANIFEST.version}`;
const MODEL_CACHE = `spine-coach-models-${MANIFEST.version}`;
const base = new URL(sw.registration.scope);

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((c) => c.addAll(MANIFEST.shell.map((p) => new URL(p, base).href)))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  const keep = [SHELL_CACHE, MODEL_CACHE];
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('spine-coach-') && !keep.includes(k)).map((k) => caches.delete(k))),
      )
      .then(() => sw.clients.claim()),
  );
});

/** Cache first; on a miss fetch, store a complete 200 answer, and return it. */
async function cacheFirst(req: Request, cacheName: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(req, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.status === 200) await cache.put(req, res.clone());
  return res;
}

/** The page itself: the network when it answers (a new build), else the cached shell (offline). */
async function networkThenShell(req: Request): Promise<Response> {
  try {
    const res = await fetch(req);
    if (res.ok) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put(new URL('index.html', base).href, res.clone());
    }
    return res;
  } catch (err) {
    const hit = await caches.match(new URL('index.html', base).href);
    if (hit) return hit;
    throw err;
  }
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || req.headers.has('range')) return;
  const url = new URL(req.url);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return;
  const path = url.pathname.slice(base.pathname.length);
  if (req.mode === 'navigate') return e.respondWith(networkThenShell(req));
  if (MANIFEST.modelPrefixes.some((p) => path.startsWith(p))) return e.respondWith(cacheFirst(req, MODEL_CACHE));
  if (MANIFEST.shell.includes(path)) return e.respondWith(cacheFirst(req, SHELL_CACHE));
});
