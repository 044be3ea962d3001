import { mount } from 'svelte';
import App from './App.svelte';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// `npm run bench` drives the live pipeline through window.__spineBench on #/bench (loaded only there)
if (location.hash.startsWith('#/bench'))
  void import('./perf/bench-harness.svelte.ts').then((m) => m.installBenchHarness());
export default mount(App, { target });

// production only: the service worker caches the shell and the model files (a dev server must never be cached)
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL;
  window.addEventListener(
    'load',
    () => {
      navigator.serviceWorker
        .register(`${base}sw.js`, { scope: base })
        .catch((e: unknown) => console.warn('service worker not registered:', e));
    },
    { once: true },
  );
}
