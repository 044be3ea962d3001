/**
 * Is the camera's picture good enough to find a body in? A cheap check on a small greyscale copy of a frame
 * (PICTURE_SAMPLE_WIDTH_PX wide): too dark, or too blurred. The pose model fails on both without saying why; this
 * says what to do. Pure: the caller hands in the luminance (0-255, row by row).
 */

/** The width the frame is scaled down to before measuring, pixels: ~14,000 pixels from a 16:9 camera. The
 * thresholds below were measured at this width (scripts/measure-picture.ts). */
export const PICTURE_SAMPLE_WIDTH_PX = 160;

export interface PictureMeasure {
  /** Mean luminance, 0-255. */
  readonly meanLuma: number;
  /** Fine detail against coarse: the mean gradient (per pixel) of the picture over that of its half-size copy. About
   * 1 where edges are sharp (a step is a step at either scale), towards 0.5 where the picture is smooth (a blurred
   * ramp climbs twice as far per pixel of the half-size copy). Independent of brightness and of how busy the room
   * is; null on a flat picture (no gradient at all). */
  readonly sharpness: number | null;
}

export type PictureProblem = 'dark' | 'blurred';

export const PICTURE_MESSAGES: Record<PictureProblem, string> = {
  dark: 'The picture is too dark for me to see you. Turn on a light or face a window.',
  blurred: 'The picture is blurred: wipe the lens or step back.',
};

/** The share of pixels with the strongest gradients that sharpness is measured on: the edges (the body's outline,
 * furniture), not the plain wall or floor whose soft shading says nothing about focus. Measured with
 * scripts/measure-picture.ts: over all pixels the frames as filmed (0.56-0.83) and blurred with sigma 6 (0.50-0.56)
 * met on the plain white room of malik/cobra; over the strongest 10 % they still met (0.61 against 0.62); over the
 * strongest 5 % they are 0.03 apart (0.69 against 0.66, see BLURRED_SHARPNESS), over 3 % the same 0.03 higher up. */
const EDGE_SHARE = 0.05;

/** Mean of the strongest EDGE_SHARE of the absolute differences between horizontal and vertical neighbours, grey
 * levels per pixel. */
function edgeGradient(luma: ArrayLike<number>, w: number, h: number): number {
  const g = new Float32Array(Math.max(0, (w - 1) * (h - 1)));
  let n = 0;
  for (let y = 0; y < h - 1; y++)
    for (let x = 0; x < w - 1; x++) {
      const i = y * w + x;
      const v = luma[i]!;
      g[n++] = Math.abs(luma[i + 1]! - v) + Math.abs(luma[i + w]! - v);
    }
  g.sort();
  const k = Math.max(1, Math.round(n * EDGE_SHARE));
  let sum = 0;
  for (let i = n - k; i < n; i++) sum += g[i]!;
  return n ? sum / k : 0;
}

/** The picture halved in both directions, each pixel the mean of a 2x2 block. */
function halve(luma: ArrayLike<number>, w: number, h: number): { luma: Float32Array; w: number; h: number } {
  const hw = Math.floor(w / 2);
  const hh = Math.floor(h / 2);
  const out = new Float32Array(hw * hh);
  for (let y = 0; y < hh; y++)
    for (let x = 0; x < hw; x++) {
      const i = 2 * y * w + 2 * x;
      out[y * hw + x] = (luma[i]! + luma[i + 1]! + luma[i + w]! + luma[i + w + 1]!) / 4;
    }
  return { luma: out, w: hw, h: hh };
}

/** Below this edge gradient (grey levels per pixel) the picture is flat: a lens cap, a wall; sharpness is unknown. */
const FLAT_GRADIENT = 2;

export function measurePicture(luma: ArrayLike<number>, width: number, height: number): PictureMeasure {
  let sum = 0;
  for (let i = 0; i < width * height; i++) sum += luma[i]!;
  const meanLuma = width * height ? sum / (width * height) : 0;
  const fine = edgeGradient(luma, width, height);
  const half = halve(luma, width, height);
  const coarse = edgeGradient(half.luma, half.w, half.h);
  return { meanLuma, sharpness: coarse < FLAT_GRADIENT ? null : fine / coarse };
}

/**
 * Mean luminance under which the picture is too dark (0-255). Measured with scripts/measure-picture.ts on 34 frames
 * of 12 footage clips (at 1.5, 3 and 4.5 s, 160 px wide): the frames showing a person measure 74-239 (the darkest,
 * adaptx/knee_to_chest's dim room, 74-76; two frames of title-card fades 11 and 22); the same frames with a quarter
 * of their light (a dim room, the camera's exposure at its limit) 5-45, 10 of 12 clips under 40; with a sixth 0-24.
 * 40 lies under every frame with a person with 34 grey levels to spare.
 */
export const DARK_MEAN_LUMA = 40;

/**
 * Sharpness (see PictureMeasure) under which the picture is very blurred. Measured with scripts/measure-picture.ts on
 * the same 34 frames: as filmed 0.69-1.20 (the softest, malik/cobra: 640x360 against a plain white wall, 0.69-0.72);
 * blurred with a Gaussian of sigma 6 px at 640 px wide (a smeared or misfocused lens: limbs lose their outline)
 * 0.55-0.66; sigma 3 0.59-0.86. 0.67 lies between the sharpest sigma-6 frame and the softest filmed one, so a light
 * softness (sigma 3 on a sharp clip) passes.
 */
export const BLURRED_SHARPNESS = 0.67;

/** What is wrong with the picture, or null when it is good enough (dark first: a dark picture is also noisy). */
export function judgePicture(m: PictureMeasure): PictureProblem | null {
  if (m.meanLuma < DARK_MEAN_LUMA) return 'dark';
  if (m.sharpness !== null && m.sharpness < BLURRED_SHARPNESS) return 'blurred';
  return null;
}

/** Samples in a row that must agree before the verdict changes (one per second: 2 s), so a person walking past the
 * lens or a light flickering does not flash a warning. */
const CONFIRM_SAMPLES = 2;

/** The verdict over time: it changes only when CONFIRM_SAMPLES samples in a row agree. */
export class PictureCheck {
  #shown: PictureProblem | null = null;
  #candidate: PictureProblem | null = null;
  #count = 0;

  step(m: PictureMeasure): PictureProblem | null {
    const now = judgePicture(m);
    if (now === this.#shown) {
      this.#count = 0;
      return this.#shown;
    }
    this.#count = now === this.#candidate ? this.#count + 1 : 1;
    this.#candidate = now;
    if (this.#count >= CONFIRM_SAMPLES) {
      this.#shown = now;
      this.#count = 0;
    }
    return this.#shown;
  }
}
