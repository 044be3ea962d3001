import { describe, expect, it } from 'vitest';
import { formatBytes, storageLines } from './storage-usage.ts';

describe('storage figures', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1000, '1 KB'],
    [850_000, '850 KB'],
    [12_345_678, '12.3 MB'],
    [1_200_000_000, '1.2 GB'],
    [250_000_000_000, '250 GB'],
  ])('%d bytes reads "%s"', (n, text) => expect(formatBytes(n)).toBe(text));

  it.each([
    [
      { videoBytes: 12_345_678, usedBytes: 20_000_000, quotaBytes: 10_000_000_000 },
      ['Videos kept on this device: 12.3 MB.', 'Spine Coach uses 20 MB of the 10 GB this browser allows it (<1 %).'],
    ],
    [
      { videoBytes: 0, usedBytes: 5_000_000, quotaBytes: 10_000_000 },
      ['No videos are kept on this device.', 'Spine Coach uses 5 MB of the 10 MB this browser allows it (50 %).'],
    ],
    // the browser cannot say: only our own figure
    [{ videoBytes: 3000, usedBytes: null, quotaBytes: null }, ['Videos kept on this device: 3 KB.']],
  ])('%o', (usage, lines) => expect(storageLines(usage)).toEqual(lines));
});
