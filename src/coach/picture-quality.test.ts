import { describe, expect, it } from 'vitest';
import {
  BLURRED_SHARPNESS,
  DARK_MEAN_LUMA,
  judgePicture,
  measurePicture,
  PictureCheck,
  type PictureMeasure,
} from './picture-quality.ts';

const W = 160;
const H = 90;

/** A room-like test picture: a lit, textured background (fabric, wood grain: detail at the finest scale, as in
 * every filmed room), a darker figure and sharp-edged furniture; `scale` of its light. */
function scene(scale = 1): Float32Array {
  const out = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let v = 150 + 0.2 * x + 12 * Math.sin(1.7 * x + 0.3 * y) * Math.cos(2.1 * y); // a textured wall lit from one side
      if (x > 60 && x < 80 && y > 15 && y < 85) v = 60; // a body
      if (x > 64 && x < 76 && y > 5 && y < 16) v = 90; // a head
      if ((Math.floor(x / 20) + Math.floor(y / 30)) % 5 === 0) v += 40; // furniture
      out[y * W + x] = v * scale;
    }
  return out;
}

/** A separable box blur of radius `r` pixels, `passes` times (three passes are close to a Gaussian). */
function blur(img: Float32Array, r: number, passes = 3): Float32Array {
  let a = img;
  for (let p = 0; p < passes; p++)
    for (const [dx, dy] of [
      [1, 0],
      [0, 1],
    ] as const) {
      const b = new Float32Array(W * H);
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          let s = 0;
          let n = 0;
          for (let k = -r; k <= r; k++) {
            const xx = x + k * dx;
            const yy = y + k * dy;
            if (xx < 0 || yy < 0 || xx >= W || yy >= H) continue;
            s += a[yy * W + xx]!;
            n++;
          }
          b[y * W + x] = s / n;
        }
      a = b;
    }
  return a;
}

const measure = (img: Float32Array) => measurePicture(img, W, H);

describe('measurePicture and judgePicture', () => {
  it.each([
    { what: 'a lit, sharp picture', img: () => scene(), problem: null },
    { what: 'the same with a sixth of the light', img: () => scene(1 / 6), problem: 'dark' },
    {
      what: 'the same, blurred (radius 2 at 160 px: ~sigma 8 at 640 px)',
      img: () => blur(scene(), 2),
      problem: 'blurred',
    },
    {
      what: 'a flat grey picture (a wall, a lens cap in light): nothing to judge focus on',
      img: () => new Float32Array(W * H).fill(128),
      problem: null,
    },
  ])('$what: $problem', ({ img, problem }) => {
    expect(judgePicture(measure(img()))).toBe(problem);
  });

  it('sharpness does not change with the light: a dark picture is not called blurred', () => {
    const lit = measure(scene()).sharpness!;
    const dim = measure(scene(0.5)).sharpness!;
    expect(Math.abs(lit - dim)).toBeLessThan(0.02);
    expect(lit).toBeGreaterThan(BLURRED_SHARPNESS);
  });

  it('sharpness falls as the blur grows, towards 0.5 (a smooth ramp), and the mean light stays', () => {
    const s = [0, 1, 2, 3].map((r) => (r ? measure(blur(scene(), r)) : measure(scene())));
    expect(s[1]!.sharpness!).toBeLessThan(s[0]!.sharpness!);
    expect(s[2]!.sharpness!).toBeLessThan(s[1]!.sharpness!);
    expect(s[3]!.sharpness!).toBeCloseTo(0.5, 1);
    expect(s[3]!.meanLuma).toBeCloseTo(s[0]!.meanLuma, -1);
  });

  it('the mean luminance is the mean grey level', () => {
    expect(measurePicture(new Uint8Array([0, 255, 0, 255]), 2, 2).meanLuma).toBeCloseTo(127.5);
    expect(DARK_MEAN_LUMA).toBeGreaterThan(0);
  });
});

describe('PictureCheck over time', () => {
  const good: PictureMeasure = { meanLuma: 120, sharpness: 0.9 };
  const dark: PictureMeasure = { meanLuma: 10, sharpness: 0.9 };
  const blurred: PictureMeasure = { meanLuma: 120, sharpness: 0.5 };

  it.each([
    { what: 'good throughout', samples: [good, good, good], shown: [null, null, null] },
    {
      what: 'dark from the start: said on the second sample',
      samples: [dark, dark, dark],
      shown: [null, 'dark', 'dark'],
    },
    {
      what: 'one dark sample (a hand over the lens) is not said',
      samples: [good, dark, good, good],
      shown: [null, null, null, null],
    },
    {
      what: 'light turned on: the warning goes after two good samples',
      samples: [dark, dark, good, good],
      shown: [null, 'dark', 'dark', null],
    },
    {
      what: 'dark, then blurred',
      samples: [dark, dark, blurred, blurred],
      shown: [null, 'dark', 'dark', 'blurred'],
    },
  ])('$what', ({ samples, shown }) => {
    const check = new PictureCheck();
    expect(samples.map((m) => check.step(m))).toEqual(shown);
  });
});
