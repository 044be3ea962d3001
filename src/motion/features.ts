/**
 * Joint angles and body measures from one pose frame. Every feature that needs a landmark below the visibility
 * gate is null ("unknown"), never a guess. Angles are measured in the image plane in pixels (the camera view decides
 * which plane that is: side view = sagittal, front view = frontal).
 */
import type { ImageLandmark, PoseFrame } from '../pose/types.ts';
import { LM } from '../pose/landmarks.ts';
import {
  angleAtDeg,
  angleBetweenDeg,
  distance,
  elevationDeg,
  midpoint,
  signedAngleDeg,
  toPx,
  vector,
  type Point,
} from './geometry.ts';
import { kneeRollWorldDeg } from './world-features.ts';

/** A landmark counts as seen at or above this visibility; BlazePose gives >0.9 for clearly visible joints and
 * drops below 0.5 for joints out of frame or hidden (the close-up of adaptx/knee_to_chest has feet at 0.1-0.4). */
export const MIN_VISIBILITY = 0.5;

/** A side of the body, the person's own (not the picture's). */
export type Side = 'left' | 'right';

export interface LegFeatures {
  /** 0 = thigh in line with the trunk, 90 = thigh at right angles, ~145 = knee pulled to the chest. */
  readonly hipFlexionDeg: number | null;
  /** 0 = straight knee, 90 = bent at right angles. */
  readonly kneeFlexionDeg: number | null;
  /** Angle shin-to-foot (knee, ankle, foot index): ~90-100 neutral, larger = pointed (plantarflexed). */
  readonly ankleAngleDeg: number | null;
  /** Angle between the shin (ankle to knee) and the sole line (heel to foot index): 90 neutral, larger = pointed,
   * smaller = bent up (dorsiflexed). The sole line does not bend with the toes as the ankle-to-toe line does. */
  readonly ankleSoleDeg: number | null;
  /** Signed angle from the trunk line (shoulders to hips, continued) to the thigh, degrees; its sign depends on
   * which way the person faces, so compare the two legs (kneeling lunge: front and back thigh have opposite signs). */
  readonly thighFromTrunkDeg: number | null;
  /** Knee height above the ankle, in torso lengths (image up = positive). */
  readonly kneeAboveAnkle: number | null;
  readonly ankleY: number | null;
  readonly kneeY: number | null;
  /** Ankle height below the hip centre, in torso lengths (image down = positive): ~1.6 standing on that leg, under
   * ~1 with the heel up on a bench. */
  readonly ankleBelowHip: number | null;
  readonly visibility: number;
}

export interface BodyFeatures {
  readonly tMs: number;
  /** Shoulder-mid to hip-mid distance in pixels: the body's scale. */
  readonly torsoPx: number;
  /** Elevation of the trunk (hip to shoulder) above horizontal: 0 lying, 90 upright, negative = shoulders below hips. */
  readonly trunkElevationDeg: number;
  /** Lateral lean of the trunk from vertical in the image, signed (+ = shoulders towards image right). */
  readonly trunkLeanDeg: number;
  /** Shoulder width over torso length: ~0.6-1 facing the camera, < 0.3 side-on. */
  readonly shoulderWidthRatio: number;
  /** Head (ear midpoint) above the shoulder line, in torso lengths, measured perpendicular to the trunk in the image. */
  readonly headAboveShoulders: number | null;
  /** Hip height above the shoulders, in torso lengths (image up = positive): pelvis lifted on a block, bridge. */
  readonly pelvisAboveShoulders: number;
  /** Hip height above the knees, in torso lengths (image up = positive): kneeling upright ~0.8, on all fours ~0.8,
   * lying with knees bent below zero. Null when no knee is seen. */
  readonly pelvisAboveKnees: number | null;
  /** Knee roll about the body's long axis from the world landmarks, degrees, + = to the person's right (see
   * world-features.ts); null without world landmarks. */
  readonly kneeRollWorldDeg: number | null;
  /** Signed angle of the knees from the trunk axis, degrees (front view: knees dropping to one side). */
  readonly kneeDropDeg: number | null;
  /** Are the wrists well below the shoulders (hands on the floor under the body)? */
  readonly wristsBelowShoulders: number | null;
  /** Is the nose above the ears in the image (face up)? In torso lengths. */
  readonly noseAboveEars: number | null;
  /** Which way the face points along the image x axis (side view): +1 = image right, -1 = image left, null when the
   * nose or both ears are not seen or the face points at the camera. */
  readonly facingX: 1 | -1 | null;
  readonly legs: { readonly left: LegFeatures; readonly right: LegFeatures };
  /** The side of the body nearer the camera / better seen. */
  readonly nearSide: Side;
  /** Mean visibility of shoulders, hips, knees. */
  readonly coreVisibility: number;
}

function seen(l: ImageLandmark | undefined): l is ImageLandmark {
  return l !== undefined && l.visibility >= MIN_VISIBILITY && Number.isFinite(l.x) && Number.isFinite(l.y);
}

function legFeatures(
  lm: readonly ImageLandmark[],
  side: Side,
  px: (l: ImageLandmark) => Point,
  shoulderMid: Point,
  hipMid: Point,
  torsoPx: number,
): LegFeatures {
  const o = side === 'left' ? 0 : 1;
  const sh = lm[LM.leftShoulder + o];
  const hip = lm[LM.leftHip + o];
  const knee = lm[LM.leftKnee + o];
  const ankle = lm[LM.leftAnkle + o];
  const foot = lm[LM.leftFootIndex + o];
  const heel = lm[LM.leftHeel + o];
  const hipKnee = seen(sh) && seen(hip) && seen(knee);
  const kneeAnkle = seen(hip) && seen(knee) && seen(ankle);
  const trunkAxis = vector(shoulderMid, hipMid); // pointing from shoulders to hips
  const thigh = hipKnee ? vector(px(hip), px(knee)) : null;
  return {
    hipFlexionDeg: hipKnee ? 180 - angleAtDeg(px(sh), px(hip), px(knee)) : null,
    kneeFlexionDeg: kneeAnkle ? 180 - angleAtDeg(px(hip), px(knee), px(ankle)) : null,
    ankleAngleDeg: seen(knee) && seen(ankle) && seen(foot) ? angleAtDeg(px(knee), px(ankle), px(foot)) : null,
    ankleSoleDeg:
      seen(knee) && seen(ankle) && seen(heel) && seen(foot)
        ? angleBetweenDeg(vector(px(ankle), px(knee)), vector(px(heel), px(foot)))
        : null,
    thighFromTrunkDeg: thigh ? signedAngleDeg(trunkAxis, thigh) : null,
    kneeAboveAnkle: seen(knee) && seen(ankle) ? (px(ankle).y - px(knee).y) / torsoPx : null,
    ankleY: seen(ankle) ? px(ankle).y / torsoPx : null,
    kneeY: seen(knee) ? px(knee).y / torsoPx : null,
    ankleBelowHip: seen(ankle) ? (px(ankle).y - hipMid.y) / torsoPx : null,
    visibility: [sh, hip, knee, ankle].reduce((s, l) => s + (l?.visibility ?? 0), 0) / 4,
  };
}

/** The nose lies ahead of the ears by at least this many torso lengths side-on (0.15-0.2 on a side view); facing
 * the camera it sits between them. */
const FACING_MIN_OFFSET = 0.08;

function facing(earMid: Point | null, nose: Point | null, torsoPx: number): 1 | -1 | null {
  if (!earMid || !nose) return null;
  const dx = (nose.x - earMid.x) / torsoPx;
  return Math.abs(dx) < FACING_MIN_OFFSET ? null : dx > 0 ? 1 : -1;
}

/** Computes the features of one frame, or null when there is no person or the trunk itself is not seen. */
export function computeFeatures(frame: PoseFrame): BodyFeatures | null {
  const lm = frame.landmarks;
  if (!lm || lm.length < 33) return null;
  const w = frame.imageWidth;
  const h = frame.imageHeight;
  const px = (l: ImageLandmark) => toPx(l, w, h);
  const ls = lm[LM.leftShoulder];
  const rs = lm[LM.rightShoulder];
  const lh = lm[LM.leftHip];
  const rh = lm[LM.rightHip];
  if (!ls || !rs || !lh || !rh) return null;
  // the trunk needs at least one shoulder and one hip seen; a hidden far side still has a usable estimate
  if (!(seen(ls) || seen(rs)) || !(seen(lh) || seen(rh))) return null;
  const shoulderMid = midpoint(px(ls), px(rs));
  const hipMid = midpoint(px(lh), px(rh));
  const torsoPx = distance(shoulderMid, hipMid);
  if (!(torsoPx > 1)) return null;
  const left = legFeatures(lm, 'left', px, shoulderMid, hipMid, torsoPx);
  const right = legFeatures(lm, 'right', px, shoulderMid, hipMid, torsoPx);
  const le = lm[LM.leftEar];
  const re = lm[LM.rightEar];
  const nose = lm[LM.nose];
  const lk = lm[LM.leftKnee];
  const rk = lm[LM.rightKnee];
  const lw = lm[LM.leftWrist];
  const rw = lm[LM.rightWrist];
  const earMid = seen(le) && seen(re) ? midpoint(px(le), px(re)) : seen(le) ? px(le) : seen(re) ? px(re) : null;
  const kneeMid = seen(lk) && seen(rk) ? midpoint(px(lk), px(rk)) : null;
  const kneeAnyY = kneeMid?.y ?? (seen(lk) ? px(lk).y : seen(rk) ? px(rk).y : null);
  const wristMid = seen(lw) && seen(rw) ? midpoint(px(lw), px(rw)) : seen(lw) ? px(lw) : seen(rw) ? px(rw) : null;
  const trunkAxis = vector(hipMid, shoulderMid);
  return {
    tMs: frame.tMs,
    torsoPx,
    trunkElevationDeg: elevationDeg(hipMid, shoulderMid),
    trunkLeanDeg: signedAngleDeg({ x: 0, y: -1 }, trunkAxis),
    shoulderWidthRatio: distance(px(ls), px(rs)) / torsoPx,
    // signed distance of the ear midpoint from the shoulder point, along the image vertical
    headAboveShoulders: earMid ? (shoulderMid.y - earMid.y) / torsoPx : null,
    pelvisAboveShoulders: (shoulderMid.y - hipMid.y) / torsoPx,
    pelvisAboveKnees: kneeAnyY === null ? null : (kneeAnyY - hipMid.y) / torsoPx,
    kneeRollWorldDeg: kneeRollWorldDeg(frame.worldLandmarks),
    kneeDropDeg: kneeMid ? signedAngleDeg(trunkAxis, vector(hipMid, kneeMid)) : null,
    wristsBelowShoulders: wristMid ? (wristMid.y - shoulderMid.y) / torsoPx : null,
    noseAboveEars: earMid && seen(nose) ? (earMid.y - px(nose).y) / torsoPx : null,
    facingX: facing(earMid, seen(nose) ? px(nose) : null, torsoPx),
    legs: { left, right },
    nearSide: left.visibility >= right.visibility ? 'left' : 'right',
    coreVisibility: [ls, rs, lh, rh, lk, rk].reduce((s, l) => s + (l?.visibility ?? 0), 0) / 6,
  };
}
