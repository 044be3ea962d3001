/**
 * How many people are in the picture. BlazePose follows one person and never says there is another, so the guided
 * session asks MoveNet MultiPose (served from models/tfjs/, see models/README.md) now and then. It shares the tfjs
 * backend the BlazePose tfjs adapters set up (wasm or webgl), or starts the wasm one.
 */
import { useTfjsBackend, type PoseImage } from './detectors/blazepose.ts';

const BASE = import.meta.env.BASE_URL;
/** MoveNet MultiPose input: the picture letterboxed into a 256 px square (its side must be a multiple of 32). */
const INPUT_PX = 256;

export interface PeopleCounter {
  /** The person scores MoveNet gives this picture (up to 6, highest first). */
  scores(image: PoseImage): Promise<readonly number[]>;
  dispose(): void;
}

export async function createPeopleCounter(): Promise<PeopleCounter> {
  const tf = await import('@tensorflow/tfjs-core');
  const { loadGraphModel } = await import('@tensorflow/tfjs-converter');
  // share the backend a BlazePose tfjs adapter set up; the mediapipe adapters set none
  if (tf.engine().backendName !== 'webgl' && tf.engine().backendName !== 'wasm') await useTfjsBackend('wasm');
  const model = await loadGraphModel(`${BASE}models/tfjs/movenet-multipose.json`);
  return {
    async scores(image) {
      const input = tf.tidy(() => {
        const pixels = tf.browser.fromPixels(image);
        const [h, w] = pixels.shape;
        const scale = INPUT_PX / Math.max(h, w);
        const [sh, sw] = [Math.round(h * scale), Math.round(w * scale)];
        const resized = tf.image.resizeBilinear(pixels, [sh, sw]);
        const top = Math.floor((INPUT_PX - sh) / 2);
        const left = Math.floor((INPUT_PX - sw) / 2);
        const padded = tf.pad(resized, [
          [top, INPUT_PX - sh - top],
          [left, INPUT_PX - sw - left],
          [0, 0],
        ]);
        return tf.cast(tf.expandDims(padded, 0), 'int32');
      });
      const out = model.execute(input) as import('@tensorflow/tfjs-core').Tensor;
      try {
        // [1, 6, 56]: per person 17 keypoints (y, x, score), a box (4) and the person's score (index 55)
        const rows = (await out.array()) as number[][][];
        return (rows[0] ?? []).map((r) => r[55] ?? 0).sort((a, b) => b - a);
      } finally {
        input.dispose();
        out.dispose();
      }
    },
    dispose: () => model.dispose(),
  };
}
