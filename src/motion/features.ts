/**
 * Joint angles and body measures from one pose frame. Every feature that needs a landmark below the visibility
 * gate is null ("unknown"), never a guess. Angles are measured in the image plane in pixels (the camera view decides
 * which plane that is: side view = sagittal, front view = frontal).
 */
import type { ImageLandmark, PoseFrame } from '../pose/types.ts';
import { LM, MIN_VISIBILITY } from '../pose/landmarks.ts';
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
import { kneeRollWorldDeg, worldBody, type WorldBody, type WorldLegAngles } from './world-features.ts';

/** A side of the body, the person's own (not the picture's). */
export type Side = 'left' | 'right';

export interface LegFeatures {
  /** 0 = thigh in line with the trunk, 90 = thigh at right angles, ~145 = knee pulled to the chest. In 3D from the
   * world landmarks when they are given, so a raised or turned camera does not change it; else in the picture. */
  readonly hipFlexionDeg: number | null;
  /** 0 = straight knee, 90 = bent at right angles (3D like hipFlexionDeg). */
  readonly kneeFlexionDeg: number | null;
  /** hipFlexionDeg signed from the world landmarks: + = thigh in front of the trunk line, - = behind it; null without
   * world landmarks or without the nose to tell front from back. */
  readonly hipFlexionSignedDeg: number | null;
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
  /** How far the body's left-right axis turns out of the picture, from the world landmarks (see world-features.ts):
   * ~90 side-on, ~0 facing the camera; null without them. */
  readonly sideOnWorldDeg: number | null;
  /** How much the 3D (world-landmark) angles count against the picture's in the joint angles, 0-1: 0 side-on or
   * without world landmarks, 1 turned 35 degrees or more off side-on. */
  readonly worldWeight: number;
  /** The trunk raised over the line of the thighs, 3D, degrees (hip extension of the legs seen, mean): lying flat
   * ~0, propped on the forearms 20-30. Null without world landmarks. */
  readonly trunkOverThighsWorldDeg: number | null;
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
  world: WorldLegAngles | null,
  worldWeight: number,
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
    hipFlexionDeg: blend(
      world?.hipFlexionDeg,
      hipKnee ? 180 - angleAtDeg(px(sh), px(hip), px(knee)) : null,
      worldWeight,
    ),
    kneeFlexionDeg: blend(
      world?.kneeFlexionDeg,
      kneeAnkle ? 180 - angleAtDeg(px(hip), px(knee), px(ankle)) : null,
      worldWeight,
    ),
    hipFlexionSignedDeg: world?.hipFlexionSignedDeg ?? null,
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

/** Side-on (the body's left-right axis this far out of the picture, world landmarks) the picture shows sagittal
 * angles true, and with less noise than the world landmarks' depth (bloomfit's 6-9 degree tilts lose a tuck on the
 * world angles): a sagittal angle 15 degrees off square is foreshortened by 3.5 % at most. The footage side views
 * measure 75-88 (median per clip). */
const PICTURE_ONLY_MIN_SIDE_ON_DEG = 75;
/** Turned this far off side-on or more, the 3D angle is used alone (30 degrees off side-on measures ~60). Between
 * the two the angles are blended, so a view wobbling across them does not make the signal jump. */
const WORLD_ONLY_MAX_SIDE_ON_DEG = 55;

/** The weight of the world landmarks' joint angles against the picture's, 0-1. */
function worldWeight(sideOnDeg: number | null): number {
  if (sideOnDeg === null) return 0;
  const u = (PICTURE_ONLY_MIN_SIDE_ON_DEG - sideOnDeg) / (PICTURE_ONLY_MIN_SIDE_ON_DEG - WORLD_ONLY_MAX_SIDE_ON_DEG);
  return Math.max(0, Math.min(1, u));
}

function trunkOverThighs(wb: WorldBody | null): number | null {
  const ext = [wb?.legs.left.hipFlexionSignedDeg, wb?.legs.right.hipFlexionSignedDeg].filter(
    (v): v is number => typeof v === 'number',
  );
  return ext.length ? -ext.reduce((a, b) => a + b, 0) / ext.length : null;
}

/** `w` of the world angle and 1 - w of the picture's, either alone where the other is unknown. */
export function blend(world: number | null | undefined, picture: number | null, w: number): number | null {
  if (world === null || world === undefined || w <= 0) return picture;
  if (picture === null || w >= 1) return world;
  return w * world + (1 - w) * picture;
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
  const wb = worldBody(frame.worldLandmarks);
  const w3d = worldWeight(wb?.sideOnDeg ?? null);
  const left = legFeatures(lm, 'left', px, shoulderMid, hipMid, torsoPx, wb?.legs.left ?? null, w3d);
  const right = legFeatures(lm, 'right', px, shoulderMid, hipMid, torsoPx, wb?.legs.right ?? null, w3d);
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
    sideOnWorldDeg: wb?.sideOnDeg ?? null,
    worldWeight: w3d,
    trunkOverThighsWorldDeg: trunkOverThighs(wb),
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
