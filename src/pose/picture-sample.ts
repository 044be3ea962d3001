/**
 * A small greyscale copy of what the camera shows now, for the picture check (src/coach/picture-quality.ts): the
 * <video> drawn into a canvas `widthPx` wide and read back as luminance, 0-255 (Rec. 601 weights).
 */
export interface LumaSample {
  readonly luma: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Draws `video`'s current frame at `widthPx` wide into `canvas` and returns its luminance; null before the first
 * frame has a size. */
export function sampleLuma(video: HTMLVideoElement, canvas: HTMLCanvasElement, widthPx: number): LumaSample | null {
  const { videoWidth: vw, videoHeight: vh } = video;
  if (!vw || !vh) return null;
  const width = widthPx;
  const height = Math.max(1, Math.round((widthPx * vh) / vw));
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < luma.length; i++)
    luma[i] = Math.round(0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!);
  return { luma, width, height };
}
