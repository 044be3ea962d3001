import type { ExerciseSpec } from '../engine/spec.ts';

/** Sideways tilt of the bent knees from the body's midline in a front (feet-end) view, folded to 0..90 degrees.
 * With the camera at the feet and not mirrored, knees dropping to image-right drop to the person's left. */
function kneeDrop(f: Parameters<ExerciseSpec['measure']>[0]) {
  const a = f.kneeDropDeg;
  if (a === null) return null;
  const rad = (a * Math.PI) / 180;
  const depth = (Math.asin(Math.min(1, Math.abs(Math.sin(rad)))) * 180) / Math.PI;
  return { depth, side: Math.sin(rad) > 0 ? ('left' as const) : ('right' as const) };
}

export const lumbarRoll: ExerciseSpec = {
  definition: {
    id: 'lumbar-roll',
    order: 2,
    name: 'Lumbar roll',
    summary: 'Gentle rotation of the low back by letting the bent knees fall side to side.',
    steps: [
      'Lie on your back with knees bent, feet flat and together, arms out to the sides.',
      'Keeping your shoulders on the floor, let both knees fall slowly to one side.',
      'Bring them back to the middle, then let them fall to the other side.',
      'Only go as far as is comfortable; alternate sides 10-20 times.',
    ],
    startPositions: ['supine-knees-bent'],
    view: 'front',
    cameraSetup: 'Camera at your feet, raised on a chair, looking along your body; knees, hips and shoulders in the picture.',
    kind: 'reps',
    targets: { reps: { min: 10, max: 20 }, sides: 'alternate' },
    signal: { label: 'knee drop to the side', unit: 'deg' },
  },
  views: ['front'],
  inPosition: (f) => (f.legs.left.kneeFlexionDeg ?? 0) > 45 || (f.legs.right.kneeFlexionDeg ?? 0) > 45 || kneeDrop(f) !== null,
  measure: kneeDrop,
  counter: {
    type: 'reps',
    // no footage: measured on the kinematic generator (camera at the feet, 0.8 m up, 2 m away): a 45-degree roll
    // of the knees shows as 60-64 degrees in the picture, a 16-degree roll as 24-26, and resting sway stays under
    // 2; 35 asks for a roll of about 25 degrees, half of a comfortable one
    enterDepth: 35,
    // knees back within 10 degrees of upright = back in the middle
    exitDepth: 10,
    // a roll and return takes 2-4 s; under 0.8 s is a flop or a detection jump
    minPhaseMs: 800,
  },
};
