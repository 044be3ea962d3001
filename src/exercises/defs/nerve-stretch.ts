import type { BodyFeatures } from '../../motion/features.ts';
import type { ExerciseSpec, Measurement } from '../engine/spec.ts';

/** The raised leg's ankle bend: shin to sole line (heel to foot index), negated so bending the foot up
 * (dorsiflexion) is deeper. The sole line does not curl with the toes as the ankle-to-toe line would. */
function raisedAnkle(f: BodyFeatures): Measurement | null {
  const { left, right } = f.legs;
  if (left.ankleY === null || right.ankleY === null) return null;
  const side = left.ankleY < right.ankleY ? 'left' : 'right';
  const angle = f.legs[side].ankleSoleDeg;
  return angle === null ? null : { depth: -angle, side };
}

/** The foot on the bench is at least 0.5 torso lengths above the standing foot, its knee nearly straight. */
function footOnBench(f: BodyFeatures): boolean {
  const { left, right } = f.legs;
  if (left.ankleY === null || right.ankleY === null) return false;
  const raised = left.ankleY < right.ankleY ? left : right;
  return Math.abs(left.ankleY - right.ankleY) > 0.5 && (raised.kneeFlexionDeg ?? 90) < 25;
}

export const nerveStretch: ExerciseSpec = {
  definition: {
    id: 'nerve-stretch',
    order: 8,
    name: 'Nerve stretch',
    summary: 'Glides the sciatic nerve by pointing and bending the ankle with the leg straight.',
    steps: [
      'Stand and put one heel on a low bench or step, that leg straight.',
      'Keep your back straight and lean forward only until you feel a gentle pull.',
      'Point your foot away, then bend it back towards you: that is one.',
      'Do 20, slowly, then change legs. Stop if you feel tingling or pain down the leg.',
    ],
    startPositions: ['standing'],
    view: 'side',
    cameraSetup: 'Side-on to the camera, 2 m away, laptop at knee height, the raised foot clearly in the picture.',
    kind: 'reps',
    targets: { reps: { min: 20, max: 20 }, sides: 'each' },
    signal: { label: 'ankle bend', unit: 'deg' },
    cues: {
      start: 'Stand and put one heel on a low bench, that leg straight.',
      deeper: 'Bend the foot back towards you a little more.',
      hold: 'Point the foot away, then bend it back.',
      release: 'Lower the leg from the bench.',
    },
  },
  views: ['side'],
  inPosition: (f) => footOnBench(f),
  measure: raisedAnkle,
  counter: {
    type: 'reps',
    // no footage: ankle range from point to bend is 30-50 degrees in healthy adults, 15 counts a deliberate bend
    enterDepth: 15,
    // back within 7 degrees of the pointed position
    exitDepth: 7,
    minPhaseMs: 400,
    // rest = the pointed foot: the 20th percentile of the last 6 s of (negated) ankle angle
    baseline: { windowMs: 6000, quantile: 0.2 },
  },
};
