/**
 * A stick body for the kinematic generator: segment lengths from body height (Winter's anthropometric
 * proportions), segment directions as angles, and the 33 BlazePose landmark positions in metres that follow.
 * Body frame before `bodyRotDeg`: facing +x, head up +y, the person's right along +z. Pure.
 */
import { LANDMARK_COUNT, LM } from '../../pose/landmarks.ts';
import { add, dirXY, rotateAbout, scale, unit, sub, v3, type Vec3 } from './vec.ts';

/** Segment lengths as fractions of body height (Winter, Biomechanics and Motor Control of Human Movement). */
const PROPORTION = {
  trunk: 0.3, // hip joint centre to shoulder centre
  neck: 0.11, // shoulder centre to ear centre
  thigh: 0.245,
  shank: 0.246,
  foot: 0.152,
  ankleHeight: 0.039,
  upperArm: 0.186,
  foreArm: 0.146,
  hand: 0.06,
  shoulderWidth: 0.22, // BlazePose's shoulder points sit inside the acromions
  hipWidth: 0.12, // BlazePose's hip points are the hip joints, narrower than the pelvis
  headWidth: 0.09,
} as const;

export interface LegAngles {
  readonly thighDeg: number; // hip -> knee
  readonly shankDeg: number; // knee -> ankle
  readonly footDeg: number; // heel -> toes
}

export interface ArmAngles {
  readonly upperDeg: number; // shoulder -> elbow
  readonly foreDeg: number; // elbow -> wrist
}

/** Absolute segment directions in the body frame's x-y plane (0 = forward, 90 = up), plus whole-body moves. */
export interface BodyPose {
  readonly trunkDeg: number; // hip centre -> shoulder centre
  readonly headDeg: number; // shoulder centre -> ear centre; the face points 90 degrees clockwise of it
  readonly legs: { readonly left: LegAngles; readonly right: LegAngles };
  readonly arms: { readonly left: ArmAngles; readonly right: ArmAngles };
  /** Whole body turned about the across axis: +90 = lying on the back, head towards -x; -90 = on the stomach. */
  readonly bodyRotDeg: number;
  /** Both legs turned about the trunk's long axis at the hips (knees falling sideways): + = to the person's left. */
  readonly legRollDeg?: number;
  /** Upper body bent sideways at the hips: + = to the person's left. */
  readonly sideBendDeg?: number;
  /** Upper body turned about the trunk's long axis (a twist standing, a shoulder lifting lying on the back): + = the
   * right shoulder forward (towards the face). */
  readonly trunkTwistDeg?: number;
  /** The knees spread apart, each thigh turned out by this much at the hip, degrees. */
  readonly legSpreadDeg?: number;
  /** The pelvis (and everything above it) shifted across the body with the feet in place, metres, + = to the
   * person's right; the knees move half as far. */
  readonly hipShiftM?: number;
}

/** Leg angles from joint angles: hip flexion 0 = thigh in line with the trunk, knee flexion, ankle plantarflexion
 * (0 = foot at right angles to the shank, + = pointed). */
export function legFromFlexion(
  trunkDeg: number,
  hipFlexDeg: number,
  kneeFlexDeg: number,
  plantarDeg: number,
): LegAngles {
  const thighDeg = trunkDeg - 180 + hipFlexDeg;
  const shankDeg = thighDeg - kneeFlexDeg;
  return { thighDeg, shankDeg, footDeg: shankDeg + 90 - plantarDeg };
}

/** The 33 landmark positions of a body `heightM` tall in `pose`, in metres, lowest support point 5 cm above y=0. */
export function bodyPoints(pose: BodyPose, heightM: number): Vec3[] {
  const L = (k: keyof typeof PROPORTION) => PROPORTION[k] * heightM;
  const across = (d: number) => v3(0, 0, d); // + = the person's right
  const pts: Vec3[] = Array.from({ length: LANDMARK_COUNT }, () => v3(0, 0, 0));
  const hipC = v3(0, 0, 0);
  const shC = add(hipC, scale(dirXY(pose.trunkDeg), L('trunk')));
  const earC = add(shC, scale(dirXY(pose.headDeg), L('neck')));
  const face = dirXY(pose.headDeg - 90);
  const nose = add(earC, scale(face, 0.06 * heightM));
  pts[LM.nose] = nose;
  const eyeC = add(nose, scale(dirXY(pose.headDeg), 0.02 * heightM));
  const mouthC = add(nose, scale(dirXY(pose.headDeg), -0.025 * heightM));
  for (const [side, sign] of [
    ['left', -1],
    ['right', 1],
  ] as const) {
    const o = side === 'left' ? 0 : 1;
    const eyeBase = side === 'left' ? LM.leftEyeInner : LM.rightEyeInner;
    for (let i = 0; i < 3; i++) pts[eyeBase + i] = add(eyeC, across(sign * (0.008 + 0.01 * i) * heightM));
    pts[LM.leftEar + o] = add(earC, across((sign * L('headWidth')) / 2));
    pts[LM.mouthLeft + o] = add(mouthC, across(sign * 0.012 * heightM));
    const sh = add(shC, across((sign * L('shoulderWidth')) / 2));
    const arm = pose.arms[side];
    const elbow = add(sh, scale(dirXY(arm.upperDeg), L('upperArm')));
    const wrist = add(elbow, scale(dirXY(arm.foreDeg), L('foreArm')));
    const handTip = add(wrist, scale(dirXY(arm.foreDeg), L('hand')));
    pts[LM.leftShoulder + o] = sh;
    pts[LM.leftElbow + o] = elbow;
    pts[LM.leftWrist + o] = wrist;
    pts[LM.leftPinky + o] = add(handTip, across(sign * 0.02 * heightM));
    pts[LM.leftIndex + o] = add(handTip, across(-sign * 0.01 * heightM));
    pts[LM.leftThumb + o] = add(wrist, across(-sign * 0.02 * heightM));
    const leg = pose.legs[side];
    const hip = add(hipC, across((sign * L('hipWidth')) / 2));
    const knee = add(hip, scale(dirXY(leg.thighDeg), L('thigh')));
    const ankle = add(knee, scale(dirXY(leg.shankDeg), L('shank')));
    const sole = scale(dirXY(leg.footDeg - 90), L('ankleHeight'));
    pts[LM.leftHip + o] = hip;
    pts[LM.leftKnee + o] = knee;
    pts[LM.leftAnkle + o] = ankle;
    pts[LM.leftHeel + o] = add(add(ankle, sole), scale(dirXY(leg.footDeg), -0.25 * L('foot')));
    pts[LM.leftFootIndex + o] = add(add(ankle, sole), scale(dirXY(leg.footDeg), 0.75 * L('foot')));
  }
  return place(pts, pose);
}

const LEG_POINTS: readonly number[] = [
  LM.leftKnee,
  LM.rightKnee,
  LM.leftAnkle,
  LM.rightAnkle,
  LM.leftHeel,
  LM.rightHeel,
  LM.leftFootIndex,
  LM.rightFootIndex,
];
const UPPER_POINTS: readonly number[] = Array.from({ length: LM.rightThumb + 1 }, (_, i) => i); // head, shoulders and arms
const SUPPORT_POINTS = [LM.leftShoulder, LM.rightShoulder, LM.leftHip, LM.rightHip, ...LEG_POINTS];

/** Turns the body into its place: whole-body rotation, leg roll, side bend, then onto the floor. */
function place(points: Vec3[], pose: BodyPose): Vec3[] {
  const origin = v3(0, 0, 0);
  const acrossAxis = v3(0, 0, 1);
  let pts = points.map((p) => rotateAbout(p, origin, acrossAxis, pose.bodyRotDeg));
  const shC = scale(add(pts[LM.leftShoulder]!, pts[LM.rightShoulder]!), 0.5);
  const longAxis = unit(sub(shC, origin)); // hips towards the head
  const facing = rotateAbout(v3(1, 0, 0), origin, acrossAxis, pose.bodyRotDeg);
  if (pose.legRollDeg) {
    // about the long axis (towards the head) a positive turn carries the knees from the face side to -z: the left
    const deg = pose.legRollDeg;
    pts = pts.map((p, i) => (LEG_POINTS.includes(i) ? rotateAbout(p, origin, longAxis, deg) : p));
  }
  if (pose.legSpreadDeg) {
    // each leg about the facing axis through its own hip: the left knee to the left (-z), the right to the right
    for (const [hipI, sign, pts2] of [
      [LM.leftHip, 1, [LM.leftKnee, LM.leftAnkle, LM.leftHeel, LM.leftFootIndex]],
      [LM.rightHip, -1, [LM.rightKnee, LM.rightAnkle, LM.rightHeel, LM.rightFootIndex]],
    ] as const) {
      const hip = pts[hipI]!;
      for (const i of pts2) pts[i] = rotateAbout(pts[i]!, hip, facing, sign * pose.legSpreadDeg);
    }
  }
  if (pose.trunkTwistDeg) {
    const deg = -pose.trunkTwistDeg;
    pts = pts.map((p, i) => (UPPER_POINTS.includes(i) ? rotateAbout(p, origin, longAxis, deg) : p));
  }
  if (pose.hipShiftM) {
    const shift = pose.hipShiftM;
    const half = new Set<number>([LM.leftKnee, LM.rightKnee]);
    const feet = new Set<number>(LEG_POINTS.filter((i) => !half.has(i)));
    pts = pts.map((p, i) => (feet.has(i) ? p : add(p, v3(0, 0, half.has(i) ? shift / 2 : shift))));
  }
  if (pose.sideBendDeg) {
    // about the facing axis a negative turn carries the head towards -z: the person's left
    const deg = -pose.sideBendDeg;
    pts = pts.map((p, i) => (UPPER_POINTS.includes(i) ? rotateAbout(p, origin, facing, deg) : p));
  }
  const floorY = Math.min(...SUPPORT_POINTS.map((i) => pts[i]!.y));
  return pts.map((p) => v3(p.x, p.y - floorY + 0.05, p.z));
}
