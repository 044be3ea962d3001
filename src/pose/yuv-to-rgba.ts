/**
 * A YUV video frame (as `VideoFrame.copyTo` hands it over, in its own pixel format) scaled and converted to RGBA in
 * one pass, with bilinear sampling of every plane, as a 2D canvas draws a frame at its default smoothing. Plain
 * arithmetic on typed arrays: it runs in the decoding worker (see sample-picture.ts for why the browser's own
 * conversion is not used there).
 */

/** The 8-bit YUV layouts of WebCodecs that this converts (alpha planes, where present, are ignored). */
const FORMATS = ['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12'] as const;
export type YuvFormat = (typeof FORMATS)[number];

export const isYuvFormat = (format: string | null): format is YuvFormat =>
  (FORMATS as readonly (string | null)[]).includes(format);

/** One plane's place in the copied bytes (WebCodecs' PlaneLayout). */
export interface PlaneLayout {
  readonly offset: number;
  readonly stride: number;
}

export interface YuvFrame {
  readonly data: Uint8Array;
  readonly format: YuvFormat;
  /** Size of the copied (visible) picture, in luma pixels. */
  readonly width: number;
  readonly height: number;
  readonly layout: readonly PlaneLayout[];
  /** The colour matrix the frame was encoded with (VideoColorSpace.matrix); BT.601 when unknown. */
  readonly matrix: string | null;
  /** Full-range (0-255) samples rather than studio range (16-235 luma); studio range when unknown. */
  readonly fullRange: boolean | null;
}

/** Red and blue luma weights (Kr, Kb) of the colour matrices a camera or phone writes. */
const LUMA_WEIGHTS: Record<string, readonly [number, number]> = {
  bt709: [0.2126, 0.0722],
  bt2020: [0.2627, 0.0593],
  bt2020_ncl: [0.2627, 0.0593],
  bt470bg: [0.299, 0.114],
  smpte170m: [0.299, 0.114],
};

/** Source sample positions for each destination pixel along one axis: the two neighbours and the weight (0-256)
 * of the second, for a picture of `srcN` samples drawn over `dstN` pixels (pixel centres aligned). */
function axis(srcN: number, dstN: number): { i0: Int32Array; i1: Int32Array; w: Int32Array } {
  const i0 = new Int32Array(dstN);
  const i1 = new Int32Array(dstN);
  const w = new Int32Array(dstN);
  const scale = srcN / dstN;
  for (let d = 0; d < dstN; d++) {
    const s = Math.min(Math.max((d + 0.5) * scale - 0.5, 0), srcN - 1);
    const a = Math.floor(s);
    i0[d] = a;
    i1[d] = Math.min(a + 1, srcN - 1);
    w[d] = Math.round((s - a) * 256);
  }
  return { i0, i1, w };
}

/** Scales `frame` to `dstW` x `dstH` and writes it as RGBA (alpha 255) into `out` (dstW * dstH * 4 bytes). */
export function yuvToRgba(frame: YuvFrame, dstW: number, dstH: number, out: Uint8ClampedArray): void {
  const { data, format, width, height, layout } = frame;
  const yPlane = layout[0];
  const uPlane = layout[1];
  const vPlane = format === 'NV12' ? layout[1] : layout[2];
  if (!yPlane || !uPlane || !vPlane) throw new Error(`${format} frame without its planes`);
  const subX = format.startsWith('I444') ? 1 : 2;
  const subY = format.startsWith('I420') || format === 'NV12' ? 2 : 1;
  // NV12 interleaves U and V in one plane: U at even bytes, V at odd ones
  const step = format === 'NV12' ? 2 : 1;
  const vShift = format === 'NV12' ? 1 : 0;
  const lx = axis(width, dstW);
  const ly = axis(height, dstH);
  const cx = axis(Math.ceil(width / subX), dstW);
  const cy = axis(Math.ceil(height / subY), dstH);
  for (let d = 0; d < dstW; d++) {
    cx.i0[d] = (cx.i0[d] ?? 0) * step;
    cx.i1[d] = (cx.i1[d] ?? 0) * step;
  }
  const [kr, kb] = LUMA_WEIGHTS[frame.matrix ?? ''] ?? [0.299, 0.114];
  const kg = 1 - kr - kb;
  const full = frame.fullRange === true;
  // luma to 0-255 and chroma to -127.5..127.5, then the matrix (Rec. ITU-T H.273 equations)
  const yScale = full ? 1 : 255 / 219;
  const yBase = full ? 0 : 16;
  const cScale = full ? 1 : 255 / 224;
  const rV = 2 * (1 - kr) * cScale;
  const gU = ((2 * (1 - kb) * kb) / kg) * cScale;
  const gV = ((2 * (1 - kr) * kr) / kg) * cScale;
  const bU = 2 * (1 - kb) * cScale;
  let o = 0;
  for (let y = 0; y < dstH; y++) {
    const fy = ly.w[y] ?? 0;
    const yRow0 = yPlane.offset + (ly.i0[y] ?? 0) * yPlane.stride;
    const yRow1 = yPlane.offset + (ly.i1[y] ?? 0) * yPlane.stride;
    const cfy = cy.w[y] ?? 0;
    const cRow0 = (cy.i0[y] ?? 0) * uPlane.stride;
    const cRow1 = (cy.i1[y] ?? 0) * uPlane.stride;
    const u0 = uPlane.offset + cRow0;
    const u1 = uPlane.offset + cRow1;
    const v0 = vPlane.offset + vShift + cRow0;
    const v1 = vPlane.offset + vShift + cRow1;
    for (let x = 0; x < dstW; x++) {
      const a = lx.i0[x] ?? 0;
      const b = lx.i1[x] ?? 0;
      const fx = lx.w[x] ?? 0;
      const top = (data[yRow0 + a] ?? 0) * (256 - fx) + (data[yRow0 + b] ?? 0) * fx;
      const bottom = (data[yRow1 + a] ?? 0) * (256 - fx) + (data[yRow1 + b] ?? 0) * fx;
      const luma = ((top * (256 - fy) + bottom * fy) / 65536 - yBase) * yScale;
      const ca = cx.i0[x] ?? 0;
      const cb = cx.i1[x] ?? 0;
      const cfx = cx.w[x] ?? 0;
      const u =
        (((data[u0 + ca] ?? 0) * (256 - cfx) + (data[u0 + cb] ?? 0) * cfx) * (256 - cfy) +
          ((data[u1 + ca] ?? 0) * (256 - cfx) + (data[u1 + cb] ?? 0) * cfx) * cfy) /
          65536 -
        128;
      const v =
        (((data[v0 + ca] ?? 0) * (256 - cfx) + (data[v0 + cb] ?? 0) * cfx) * (256 - cfy) +
          ((data[v1 + ca] ?? 0) * (256 - cfx) + (data[v1 + cb] ?? 0) * cfx) * cfy) /
          65536 -
        128;
      out[o] = luma + rV * v;
      out[o + 1] = luma - gU * u - gV * v;
      out[o + 2] = luma + bU * u;
      out[o + 3] = 255;
      o += 4;
    }
  }
}
