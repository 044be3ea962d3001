/** Pure geometry for drawing normalised landmarks over a video shown with `object-fit: contain`. */

/** Where the picture of an `imageWidth` x `imageHeight` frame lies inside a `boxWidth` x `boxHeight` element. */
export interface ContainRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The letterboxed rectangle `object-fit: contain` gives the picture inside the box. */
export function containRect(imageWidth: number, imageHeight: number, boxWidth: number, boxHeight: number): ContainRect {
  if (imageWidth <= 0 || imageHeight <= 0) return { left: 0, top: 0, width: boxWidth, height: boxHeight };
  const scale = Math.min(boxWidth / imageWidth, boxHeight / imageHeight);
  const width = imageWidth * scale;
  const height = imageHeight * scale;
  return { left: (boxWidth - width) / 2, top: (boxHeight - height) / 2, width, height };
}

/** Box pixel position of a normalised point; `mirrored` flips x as a selfie preview does. */
export function toBox(x: number, y: number, rect: ContainRect, mirrored = false): [number, number] {
  const nx = mirrored ? 1 - x : x;
  return [rect.left + nx * rect.width, rect.top + y * rect.height];
}
