import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

// each case starts node + tsx, which takes over 5 s (vitest's default) when the 2 cores are shared
describe('npm run analyze: bad input gives one clear line on stderr and a non-zero exit', { timeout: 60_000 }, () => {
  it('a missing file', () => {
    const r = run('/no/such/clip.mp4');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('analyze: cannot read video /no/such/clip.mp4');
  });
  it('an unknown exercise, before any browser starts', () => {
    const r = run('/no/such/clip.mp4', '--exercise', 'squat');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^analyze: unknown exercise squat \(one of pelvic-tilt, /);
  });
  it('an unknown option', () => {
    const r = run('clip.mp4', '--speed', '2');
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('analyze: unknown option --speed');
  });
  it('a file that is not a landmark track', () => {
    const r = run('--from-landmarks', 'package.json');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('analyze: package.json is not a landmark track: not a spine-coach landmark track');
  });
});

describe('npm run analyze -- --from-landmarks', { timeout: 60_000 }, () => {
  it('reports a committed track of pfc/cat-cow.mp4 without a browser', () => {
    const r = run('--from-landmarks', 'tests/fixtures/tracks/pfc__cat-cow.json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      video: 'cat-cow.mp4',
      fps: 10,
      framesAnalyzed: 159,
      framesWithPose: 159,
      backend: 'mediapipe-cpu',
      model: 'full',
    });
    expect(report.durationS).toBeCloseTo(15.92, 2);
  });
});
