/**
 * The measures the form checks need (exercises/checks). Each is computed on one set of points: BlazePose's world
 * landmarks (metres) when the frame has them, because the picture foreshortens and tilts with the camera's height
 * and angle; else the image landmarks in pixels (z = 0). Both have y pointing down. Every measure is null when a
 * landmark it needs is under the visibility gate: not judged, never guessed. Lengths are in torso lengths
 * (shoulder centre to hip centre) so that they mean the same for every body and distance. Pure.
 */
import type { PoseFrame } from '../pose/types.ts';
import { LM, MIN_VISIBILITY } from '../pose/landmarks.ts';
import type { Side } from './features.ts';
import { angle3Deg, cross3, dot3, mid3, norm3, perp3, sub3, unit3, type V3 } from './vec3.ts';

/** One frame's points in one coordinate system, each null when not seen. */
export interface BodyPoints {
  readonly space: 'world' | 'image';
  /** The landmark, or null below the visibility gate. */
  at(i: number): V3 | null;
  /** Shoulder centre to hip centre, in the space's unit; null when a shoulder or hip pair is not seen. */
  readonly torso: number | null;
}

const UP: V3 = { x: 0, y: -1, z: 0 };

/** The frame's points: world landmarks when present, else image pixels. */
export function bodyPoints(frame: PoseFrame): BodyPoints | null {
  const world = frame.worldLandmarks;
  const image = frame.landmarks;
  if (!image && !world) return null;
  const pick = (i: number): V3 | null => {
    if (world) {
      const w = world[i];
      return w && w.visibility >= MIN_VISIBILITY ? w : null;
    }
    const l = image?.[i];
    return l && l.visibility >= MIN_VISIBILITY && Number.isFinite(l.x)
      ? { x: l.x * frame.imageWidth, y: l.y * frame.imageHeight, z: 0 }
      : null;
  };
  // the trunk's centres from whichever of each pair is seen (the far side often is not, side-on)
  const pair = (l: number, r: number): V3 | null => {
    const a = pick(l);
    const b = pick(r);
    return a && b ? mid3(a, b) : (a ?? b);
  };
  const sh = pair(LM.leftShoulder, LM.rightShoulder);
  const hip = pair(LM.leftHip, LM.rightHip);
  const torso = sh && hip ? norm3(sub3(sh, hip)) : null;
  return { space: world ? 'world' : 'image', at: pick, torso: torso && torso > 0 ? torso : null };
}

const o = (side: Side) => (side === 'left' ? 0 : 1);
const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/** The centre of a left/right pair, or the one seen. */
function centre(p: BodyPoints, left: number): V3 | null {
  const a = p.at(left);
  const b = p.at(left + 1);
  return a && b ? mid3(a, b) : (a ?? b);
}

/** The side whose joints `ids` (left-side indices) are all seen, the given one first. */
function seenSide(p: BodyPoints, ids: readonly number[], prefer: Side): Side | null {
  for (const s of [prefer, other(prefer)]) if (ids.every((i) => p.at(i + o(s)) !== null)) return s;
  return null;
}

export interface SidedValue {
  readonly value: number;
  readonly side: Side | null;
}

/**
 * On all fours: how far a hand lies ahead of its shoulder, measured along the floor (the line from the wrist to the
 * knee on the floor), in torso lengths: 0 = hand under the shoulder, + = hand further forward, - = behind it.
 */
export function handAheadOfShoulder(p: BodyPoints, prefer: Side): SidedValue | null {
  const s = seenSide(p, [LM.leftShoulder, LM.leftWrist, LM.leftKnee], prefer);
  if (!s || !p.torso) return null;
  const wrist = p.at(LM.leftWrist + o(s))!;
  const back = unit3(sub3(p.at(LM.leftKnee + o(s))!, wrist));
  return { value: dot3(sub3(p.at(LM.leftShoulder + o(s))!, wrist), back) / p.torso, side: s };
}

/** On all fours: how far a knee lies behind its hip along the floor, torso lengths (0 = knee under the hip). */
export function kneeBehindHip(p: BodyPoints, prefer: Side): SidedValue | null {
  const s = seenSide(p, [LM.leftHip, LM.leftWrist, LM.leftKnee], prefer);
  if (!s || !p.torso) return null;
  const knee = p.at(LM.leftKnee + o(s))!;
  const back = unit3(sub3(knee, p.at(LM.leftWrist + o(s))!));
  return { value: dot3(sub3(knee, p.at(LM.leftHip + o(s))!), back) / p.torso, side: s };
}

/** Elbow bend, degrees: 0 = arm straight. */
export function elbowFlexionDeg(p: BodyPoints, prefer: Side): SidedValue | null {
  const s = seenSide(p, [LM.leftShoulder, LM.leftElbow, LM.leftWrist], prefer);
  if (!s) return null;
  const el = p.at(LM.leftElbow + o(s))!;
  const upper = sub3(el, p.at(LM.leftShoulder + o(s))!);
  const fore = sub3(p.at(LM.leftWrist + o(s))!, el);
  return { value: angle3Deg(upper, fore), side: s };
}

/** Knee bend, degrees: 0 = leg straight. */
export function kneeFlexionDeg(p: BodyPoints, side: Side): number | null {
  const hip = p.at(LM.leftHip + o(side));
  const knee = p.at(LM.leftKnee + o(side));
  const ankle = p.at(LM.leftAnkle + o(side));
  return hip && knee && ankle ? angle3Deg(sub3(knee, hip), sub3(ankle, knee)) : null;
}

/** The body's long axis (hip centre to shoulder centre), unit, or null. */
function longAxis(p: BodyPoints): { sh: V3; hip: V3; long: V3 } | null {
  const sh = centre(p, LM.leftShoulder);
  const hip = centre(p, LM.leftHip);
  if (!sh || !hip) return null;
  return { sh, hip, long: unit3(sub3(sh, hip)) };
}

/** The direction the face points, square to the long axis (from the ears to the nose), or null. */
function faceDir(p: BodyPoints, long: V3): V3 | null {
  const nose = p.at(LM.nose);
  const ears = centre(p, LM.leftEar);
  if (!nose || !ears) return null;
  const d = perp3(sub3(nose, ears), long);
  return norm3(d) > 0 ? unit3(d) : null;
}

/**
 * The head bent forward from the line of the trunk, degrees: the angle of the neck (shoulder centre to ears) from
 * the long axis, + towards the face (chin to chest, head lifted off the floor lying on the back), - away from it
 * (head tipped back).
 */
export function headFlexionDeg(p: BodyPoints): number | null {
  const a = longAxis(p);
  const ears = centre(p, LM.leftEar);
  if (!a || !ears) return null;
  const face = faceDir(p, a.long);
  if (!face) return null;
  const neck = sub3(ears, a.sh);
  return (Math.atan2(dot3(neck, face), dot3(neck, a.long)) * 180) / Math.PI;
}

/** Lying on the back: how high a foot is off the floor, torso lengths: the ankle's height above the trunk line
 * (shoulders and hips on the floor), towards the face. A foot flat or a leg long on the floor is near 0. */
export function ankleAboveTrunkLine(p: BodyPoints, side: Side): number | null {
  const a = longAxis(p);
  const ankle = p.at(LM.leftAnkle + o(side));
  if (!a || !ankle || !p.torso) return null;
  const face = faceDir(p, a.long);
  if (!face) return null;
  return dot3(sub3(ankle, a.hip), face) / p.torso;
}

/** Lying on the back: the hip's height above the line from the shoulders to the ankles (both on the floor), towards
 * the face, torso lengths: a block under the sacrum raises it; lying flat it is near 0. Body-relative, so a raised or
 * turned camera does not shrink it as it shrinks the hips' height over the shoulders in the picture. */
export function hipAboveShoulderAnkleLine(p: BodyPoints): number | null {
  const sh = centre(p, LM.leftShoulder);
  const ankle = centre(p, LM.leftAnkle);
  const hip = centre(p, LM.leftHip);
  const nose = p.at(LM.nose);
  const ears = centre(p, LM.leftEar);
  if (!sh || !ankle || !hip || !nose || !ears || !p.torso) return null;
  const line = unit3(sub3(ankle, sh));
  const up = perp3(sub3(nose, ears), line);
  if (norm3(up) === 0) return null;
  return dot3(sub3(hip, sh), unit3(up)) / p.torso;
}

/** Knee separation over hip-joint separation: ~1 with the knees hip-width apart. */
export function kneeGapRatio(p: BodyPoints): number | null {
  const lk = p.at(LM.leftKnee);
  const rk = p.at(LM.rightKnee);
  const lh = p.at(LM.leftHip);
  const rh = p.at(LM.rightHip);
  if (!lk || !rk || !lh || !rh) return null;
  const hips = norm3(sub3(rh, lh));
  return hips > 0 ? norm3(sub3(rk, lk)) / hips : null;
}

/** The shoulder line's tilt in the picture plane (camera x-y), degrees: filmed from the feet, a shoulder lifting
 * off the floor tilts it. Compare with its own value at rest (a camera not level tilts it too). */
export function shoulderLineTiltDeg(p: BodyPoints): number | null {
  const l = p.at(LM.leftShoulder);
  const r = p.at(LM.rightShoulder);
  if (!l || !r) return null;
  const d = sub3(r, l);
  const t = (Math.atan2(d.y, d.x) * 180) / Math.PI;
  // the same line read either way round
  return t > 90 ? t - 180 : t < -90 ? t + 180 : t;
}

/** Lying on the front: hip height above the floor line (ankle to wrist, both on the floor on forearms or on straight
 * arms), torso lengths. Lying down the hip joint sits a body's thickness up; a plank lifts it much higher. */
export function hipAboveFloorLine(p: BodyPoints, prefer: Side): SidedValue | null {
  const s = seenSide(p, [LM.leftHip, LM.leftAnkle, LM.leftWrist], prefer);
  if (!s || !p.torso) return null;
  const ankle = p.at(LM.leftAnkle + o(s))!;
  const floor = unit3(sub3(p.at(LM.leftWrist + o(s))!, ankle));
  // "up" from the floor line: the camera's up, square to the line (the camera stands level at floor height; lying
  // flat the shoulders are on the line too, so they cannot tell up from down)
  const upOff = perp3(UP, floor);
  if (norm3(upOff) === 0) return null;
  const up = unit3(upOff);
  return { value: dot3(sub3(p.at(LM.leftHip + o(s))!, ankle), up) / p.torso, side: s };
}

/** Kneeling lunge: the back knee's height above its own ankle, torso lengths (up = against the picture's y). */
export function kneeAboveAnkle(p: BodyPoints, side: Side): number | null {
  const knee = p.at(LM.leftKnee + o(side));
  const ankle = p.at(LM.leftAnkle + o(side));
  if (!knee || !ankle || !p.torso) return null;
  return dot3(sub3(knee, ankle), UP) / p.torso;
}

/** How far the shin leans from square to the sole (heel to toes) of a foot flat on the floor, degrees: 0 = knee
 * straight over the ankle, + = knee ahead over the toes. */
export function shinLeanDeg(p: BodyPoints, side: Side): number | null {
  const knee = p.at(LM.leftKnee + o(side));
  const ankle = p.at(LM.leftAnkle + o(side));
  const heel = p.at(LM.leftHeel + o(side));
  const toe = p.at(LM.leftFootIndex + o(side));
  if (!knee || !ankle || !heel || !toe) return null;
  return 90 - angle3Deg(sub3(knee, ankle), sub3(toe, heel));
}

/** The trunk's lean from vertical in the plane of the body's front (the direction the front foot points), degrees:
 * + = forward, - = back (arching). Vertical is the camera's up: the camera is set level for the kneeling stretch. */
export function trunkPitchDeg(p: BodyPoints, frontSide: Side): number | null {
  const a = longAxis(p);
  const heel = p.at(LM.leftHeel + o(frontSide));
  const toe = p.at(LM.leftFootIndex + o(frontSide));
  if (!a || !heel || !toe) return null;
  const fwd = perp3(sub3(toe, heel), UP);
  if (norm3(fwd) === 0) return null;
  const f = unit3(fwd);
  const trunk = sub3(a.sh, a.hip);
  return (Math.atan2(dot3(trunk, f), dot3(trunk, UP)) * 180) / Math.PI;
}

/**
 * Standing: the trunk's forward lean and its twist, degrees, against the body's own upright frontal plane (the
 * plane of the hip line and the legs, ankle centre to hip centre), so that neither the camera's height nor its
 * angle shifts them. Forward lean: the trunk's angle out of that plane (+ towards the face); a side bend, with or
 * without the hips pushed out, stays in it. Twist: the shoulder line's angle out of the plane of the hip line and
 * the trunk, which a pure side bend keeps it in.
 */
export function trunkLeanAndTwistDeg(p: BodyPoints): { forwardDeg: number; twistDeg: number } | null {
  const lh = p.at(LM.leftHip);
  const rh = p.at(LM.rightHip);
  const ls = p.at(LM.leftShoulder);
  const rs = p.at(LM.rightShoulder);
  const la = p.at(LM.leftAnkle);
  const ra = p.at(LM.rightAnkle);
  const nose = p.at(LM.nose);
  if (!lh || !rh || !ls || !rs || !la || !ra || !nose) return null;
  const hipLine = sub3(rh, lh);
  const hip = mid3(lh, rh);
  const sh = mid3(ls, rs);
  const trunk = unit3(sub3(sh, hip));
  let fwd = unit3(cross3(hipLine, sub3(hip, mid3(la, ra))));
  if (dot3(sub3(nose, sh), fwd) < 0) fwd = { x: -fwd.x, y: -fwd.y, z: -fwd.z };
  const asinDeg = (v: number) => (Math.asin(Math.max(-1, Math.min(1, v))) * 180) / Math.PI;
  const frontal = unit3(cross3(hipLine, trunk));
  return { forwardDeg: asinDeg(dot3(trunk, fwd)), twistDeg: asinDeg(dot3(unit3(sub3(rs, ls)), frontal)) };
}

/**
 * Standing side bend: how far the hips are pushed out to the side away from the bend, torso lengths: the hip
 * centre's offset from the ankle centre across the body (along the hip line), + = opposite to where the shoulders
 * lean. Needs both feet.
 */
export function hipShiftAgainstBend(p: BodyPoints): number | null {
  const lh = p.at(LM.leftHip);
  const rh = p.at(LM.rightHip);
  const sh = centre(p, LM.leftShoulder);
  const la = p.at(LM.leftAnkle);
  const ra = p.at(LM.rightAnkle);
  if (!lh || !rh || !sh || !la || !ra || !p.torso) return null;
  const across = unit3(perp3(sub3(rh, lh), UP));
  const hip = mid3(lh, rh);
  const lean = dot3(sub3(sh, hip), across);
  if (lean === 0) return null;
  return (-Math.sign(lean) * dot3(sub3(hip, mid3(la, ra)), across)) / p.torso;
}
