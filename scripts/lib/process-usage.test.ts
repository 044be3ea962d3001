import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchCpu } from './process-usage.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(existsSync('/proc/stat'))('watchCpu', () => {
  it('counts no cores busy when no browser runs, and a steal share between 0 and 1', () => {
    const watch = watchCpu();
    let x = 0;
    for (let i = 0; i < 2e6; i++) x += Math.sqrt(i);
    expect(x).toBeGreaterThan(0);
    const { coresBusy, stealShare } = watch.stop();
    expect(coresBusy).toBeNull();
    expect(stealShare).toBeGreaterThanOrEqual(0);
    expect(stealShare).toBeLessThanOrEqual(1);
  });
  it('counts the CPU of a process named like the browser: some, and never more than the one core it spins on', async () => {
    // the kernel names a process after the file it ran: a link called "chromium-spin" stands in for the browser
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpu-'));
    const spin = path.join(dir, 'chromium-spin');
    symlinkSync('/bin/sh', spin);
    const child = spawn(spin, ['-c', 'while :; do :; done']);
    try {
      await sleep(100);
      const watch = watchCpu();
      await sleep(600);
      const { coresBusy } = watch.stop();
      expect(coresBusy).toBeGreaterThan(0.1); // shared with whatever else runs
      expect(coresBusy).toBeLessThan(1.2);
    } finally {
      child.kill();
      rmSync(dir, { recursive: true });
    }
  });
});
