import { mount } from 'svelte';
import App from './App.svelte';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// `npm run bench` drives the live pipeline through window.__spineBench on #/bench (loaded only there)
if (location.hash.startsWith('#/bench'))
  void import('./perf/bench-harness.svelte.ts').then((m) => m.installBenchHarness());
export default mount(App, { target });
