import type { BodyFeatures } from '../../motion/features.ts';
import type { Measurement } from '../counting/spec.ts';
import { defineStretch } from '../define-stretch.ts';
import { kneesBent } from '../../motion/position.ts';
import { supine } from '../../motion/synth/poses.ts';
import { alternate, Script, towards } from '../../motion/synth/script.ts';
import { kneeGapRatio, shoulderLineTiltDeg } from '../../motion/form-features.ts';
import { LM } from '../../pose/landmarks.ts';
import { reading } from '../checks/reading.ts';

/** Seen from the raised feet, the picture exaggerates the roll: 45 degrees shows as 60-64 in the image on the
 * kinematic generator (camera 0.8 m up, 2 m away), so image angles are scaled by 45/62 when no world landmarks exist. */
const IMAGE_TO_TRUE = 45 / 62;

/** How far the bent knees have rolled to one side. From the world landmarks when there are some (the true angle,
 * whatever the camera height); else the knees' tilt from the body's midline in a front (feet-end) view, folded to
 * 0..90 degrees: with the camera at the feet and not mirrored, knees dropping to image-right drop to the left. */
function kneeDrop(f: BodyFeatures): Measurement | null {
  if (f.kneeRollWorldDeg !== null)
    return { depth: Math.abs(f.kneeRollWorldDeg), side: f.kneeRollWorldDeg > 0 ? 'right' : 'left' };
  const a = f.kneeDropDeg;
  if (a === null) return null;
  const rad = (a * Math.PI) / 180;
  const depth = (Math.asin(Math.min(1, Math.abs(Math.sin(rad)))) * 180) / Math.PI;
  return { depth: depth * IMAGE_TO_TRUE, side: Math.sin(rad) > 0 ? 'left' : 'right' };
}

/** Seen from the feet, lying with the knees up puts the knees above the hips in the picture: pelvis -0.28 to -10
 * torso lengths above the knees on the generator (camera 0.3-1.2 m up); sitting or standing facing the camera
 * +0.14 to +0.99 (adaptx seated twist, nisaerdal, vtest, lunges). */
const KNEES_ABOVE_HIPS_MIN = 0.15;
/** The trunk runs away from the camera, so it looks short beside the shoulders: shoulder width 1.4-12 torso lengths
 * on the generator, 0.27-0.85 for people sitting or standing facing the camera (same clips). */
const FORESHORTENED_MIN_SHOULDER_RATIO = 1.0;

/** Or, from the world landmarks, the body's left-right axis within this of the picture's plane (facing the camera,
 * position.ts): a camera 1.55 m up and 30 degrees round from the feet sees the trunk less foreshortened (shoulder
 * ratio 0.9) but nearly square on (world 23-26 degrees through the rolls on the generator; 0-2 straight from the
 * feet); people facing the camera sitting or standing are not lying, which the knee check tells. */
const FACING_MAX_SIDE_ON_WORLD_DEG = 40;

/** Lying on the back with the knees bent, filmed from the feet; the knees may already lean to a side. */
function lyingSeenFromTheFeet(f: BodyFeatures): boolean {
  return (
    kneesBent(f) &&
    -(f.pelvisAboveKnees ?? 0) > KNEES_ABOVE_HIPS_MIN &&
    (f.shoulderWidthRatio > FORESHORTENED_MIN_SHOULDER_RATIO ||
      (f.sideOnWorldDeg !== null && f.sideOnWorldDeg < FACING_MAX_SIDE_ON_WORLD_DEG))
  );
}

const ALWAYS = ['start', 'moving', 'end-range', 'hold'] as const;

/** The shoulder line tilting more than this from where it lay at rest, degrees, is a shoulder lifting off the
 * floor: the generator's correct rolls keep it within 3.4 degrees (camera 0.8 and 1.4 m up) (no lumbar roll footage). */
const SHOULDER_TILT_MAX_DEG = 12;
/** Knees further apart than this many hip widths have come apart: together (hip-width) measures ~1 on the
 * generator; 0.89-1.12 on the generator (no footage); 1.8 is knees clearly apart, a thigh turned out ~20 degrees. */
const KNEE_GAP_MAX = 1.8;

export const lumbarRoll = defineStretch({
  definition: {
    id: 'lumbar-roll',
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
    cameraSetup:
      'Camera at your feet, raised on a chair, looking along your body; knees, hips and shoulders in the picture.',
    kind: 'reps',
    targets: { reps: { min: 10, max: 20 }, sides: 'alternate' },
    signal: { label: 'knee drop to the side', unit: 'deg' },
    cues: {
      start: 'Lie on your back, knees bent, feet together and flat.',
      deeper: 'Let your knees fall a little further, only as far as is comfortable.',
      hold: 'Keep both shoulders on the floor.',
      release: 'Bring your knees back to the middle.',
    },
  },
  inPosition: lyingSeenFromTheFeet,
  measure: kneeDrop,
  checks: [
    {
      id: 'shoulders-down',
      article: 'The shoulders stay on the floor while the knees drop to the side.',
      measures: 'tilt of the shoulder line against its tilt at rest, degrees (seen from the feet)',
      read: ({ points }) => {
        const v = shoulderLineTiltDeg(points);
        return reading(v === null ? null : Math.abs(v));
      },
      relativeToRest: true,
      above: SHOULDER_TILT_MAX_DEG,
      when: ALWAYS,
      side: 'none',
      fault: 'A shoulder is lifting off the floor.',
      cue: 'Keep both shoulders on the floor; let only the knees go.',
      effect: 'reject-rep',
      segment: [LM.leftShoulder, LM.rightShoulder],
    },
    {
      id: 'knees-together',
      article: 'Let the knees drop together to one side.',
      measures: 'knee separation over hip-joint separation',
      read: ({ points }) => reading(kneeGapRatio(points)),
      above: KNEE_GAP_MAX,
      when: ALWAYS,
      side: 'none',
      fault: 'Your knees are coming apart.',
      cue: 'Keep your knees together as they drop.',
      effect: 'cue',
      segment: [LM.leftKnee, LM.rightKnee],
    },
  ],
  counter: {
    type: 'reps',
    // no footage: a comfortable roll is 40-60 degrees; 25 is about half of one, far above the 1-3 degrees of
    // knee sway at rest (generator) and above a quarter-depth roll (11 degrees), which must not count
    enterDepth: 25,
    // knees back within 10 degrees of upright = back in the middle
    exitDepth: 10,
    // a roll and return takes 2-4 s; under 0.8 s is a flop or a detection jump
    minPhaseMs: 800,
  },
  scenario: (v) => {
    const s = new Script({ legRoll: 0 }).stay(3);
    for (let i = 0; i < (v.reps ?? 6); i++) {
      const side = alternate(i);
      s.move(towards({ legRoll: 0 }, { legRoll: side === 'left' ? 45 : -45 }, v.depthScale ?? 1), 1.5)
        .stay(0.5)
        .rep(side)
        .move({ legRoll: 0 }, 1.5)
        .stay(1);
    }
    // filmed from the feet, the camera raised on a chair
    return { pose: supine, script: s.stay(1), floor: true, cameraHeightM: 0.8, distanceM: 2 };
  },
});
