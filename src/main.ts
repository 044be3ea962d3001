import { mount } from 'svelte';
import App from './App.svelte';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// `npm run bench` drives the live pipeline through window.__spineBench on #/bench (loaded only there);
// scripts/bench-timeline.ts the review timeline through window.__spineTimelineBench on #/bench-timeline
if (location.hash.startsWith('#/bench-timeline'))
  void import('./perf/timeline-bench.svelte.ts').then((m) => m.installTimelineBench());
else if (location.hash.startsWith('#/bench'))
  void import('./perf/bench-harness.svelte.ts').then((m) => m.installBenchHarness());
export default mount(App, { target });
