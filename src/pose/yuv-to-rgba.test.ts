import { describe, expect, it } from 'vitest';
import { isYuvFormat, yuvToRgba, type YuvFormat, type YuvFrame } from './yuv-to-rgba.ts';

/** A uniform frame of one YUV colour in `format`, laid out as VideoFrame.copyTo writes it (tight planes). */
function uniform(format: YuvFormat, w: number, h: number, [y, u, v]: [number, number, number], extra = {}): YuvFrame {
  const cw = format.startsWith('I444') ? w : Math.ceil(w / 2);
  const ch = format.startsWith('I422') || format.startsWith('I444') ? h : Math.ceil(h / 2);
  if (format === 'NV12') {
    const data = new Uint8Array(w * h + cw * 2 * ch).fill(y, 0, w * h);
    for (let i = w * h; i < data.length; i += 2) [data[i], data[i + 1]] = [u, v];
    const layout = [
      { offset: 0, stride: w },
      { offset: w * h, stride: cw * 2 },
    ];
    return { data, format, width: w, height: h, layout, matrix: null, fullRange: null, ...extra };
  }
  const data = new Uint8Array(w * h + 2 * cw * ch);
  data
    .fill(y, 0, w * h)
    .fill(u, w * h, w * h + cw * ch)
    .fill(v, w * h + cw * ch);
  const layout = [
    { offset: 0, stride: w },
    { offset: w * h, stride: cw },
    { offset: w * h + cw * ch, stride: cw },
  ];
  return { data, format, width: w, height: h, layout, matrix: null, fullRange: null, ...extra };
}

const rgbOf = (frame: YuvFrame, w = 2, h = 2) => {
  const out = new Uint8ClampedArray(w * h * 4);
  yuvToRgba(frame, w, h, out);
  return [...out.slice(0, 4)];
};

describe('YUV frame to RGBA', () => {
  it.each([
    // [what, format, YUV, colour matrix, full range, expected RGBA]
    ['studio-range white', 'I420', [235, 128, 128], null, null, [255, 255, 255, 255]],
    ['studio-range black', 'I420', [16, 128, 128], null, null, [0, 0, 0, 255]],
    ['full-range mid grey', 'I420', [128, 128, 128], 'bt709', true, [128, 128, 128, 255]],
    ['BT.709 red (studio range)', 'I420', [63, 102, 240], 'bt709', false, [255, 0, 0, 255]],
    ['BT.601 red (studio range)', 'I420', [81, 90, 240], 'smpte170m', false, [255, 0, 0, 255]],
    ['BT.709 red from NV12', 'NV12', [63, 102, 240], 'bt709', false, [255, 0, 0, 255]],
    ['BT.709 red from I422', 'I422', [63, 102, 240], 'bt709', false, [255, 0, 0, 255]],
    ['BT.709 red from I444', 'I444', [63, 102, 240], 'bt709', false, [255, 0, 0, 255]],
  ] as const)('%s', (_what, format, yuv, matrix, fullRange, rgba) => {
    const got = rgbOf(uniform(format, 8, 6, [...yuv], { matrix, fullRange }));
    got.forEach((c, i) => expect(Math.abs(c - (rgba[i] ?? 0))).toBeLessThanOrEqual(2));
  });

  it('halves a picture by averaging each 2x2 block of luma (pixel centres aligned)', () => {
    const frame = uniform('I444', 4, 2, [16, 128, 128], { fullRange: true });
    frame.data.set([0, 100, 200, 40, 20, 120, 220, 60]); // luma rows [0 100 200 40] and [20 120 220 60]
    const out = new Uint8ClampedArray(2 * 1 * 4);
    yuvToRgba(frame, 2, 1, out);
    expect([out[0], out[4]]).toEqual([60, 130]); // (0+100+20+120)/4, (200+40+220+60)/4
  });

  it('reads each plane at its stride, not its width (padded rows)', () => {
    const tight = uniform('I420', 4, 4, [235, 128, 128]);
    const padded = new Uint8Array(8 * 4 + 2 * 8 * 2).fill(16); // black in the padding only
    for (let r = 0; r < 4; r++) padded.fill(235, r * 8, r * 8 + 4);
    for (let r = 0; r < 2; r++) padded.fill(128, 32 + r * 8, 32 + r * 8 + 2).fill(128, 48 + r * 8, 48 + r * 8 + 2);
    const layout = [
      { offset: 0, stride: 8 },
      { offset: 32, stride: 8 },
      { offset: 48, stride: 8 },
    ];
    const a = new Uint8ClampedArray(4 * 4 * 4);
    const b = new Uint8ClampedArray(4 * 4 * 4);
    yuvToRgba(tight, 4, 4, a);
    yuvToRgba({ ...tight, data: padded, layout }, 4, 4, b);
    expect([...b]).toEqual([...a]);
  });

  it('knows which formats it converts (8-bit YUV), so others take the browser path', () => {
    expect(['I420', 'NV12', 'I444A'].every(isYuvFormat)).toBe(true);
    expect([null, 'I420P10', 'RGBA', 'BGRX'].some(isYuvFormat)).toBe(false);
  });
});
