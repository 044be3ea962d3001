/**
 * Measures from BlazePose's world landmarks (metres, hip-centred), where they beat the picture: angles that the
 * camera's height and perspective distort. Seen from the feet, a knee roll of 45 degrees shows as 60-64 degrees in
 * the image (kinematic generator, camera 0.8 m up, 2 m away); in 3D it is 45 wherever the camera stands. Pure.
 */
import type { WorldLandmark } from '../pose/types.ts';
import { LM, MIN_VISIBILITY, WHOLE_BODY_LANDMARKS } from '../pose/landmarks.ts';
import { angle3Deg, cross3, dot3, mid3, sub3, unit3, type V3 } from './vec3.ts';

type V = V3;
const sub = sub3;
const mid = mid3;
const dot = dot3;
const cross = cross3;
const angleDeg = angle3Deg;
const unit = unit3;

/** Knees whose offset from the long axis is under this fraction of the hip-to-knee distance have no defined roll
 * (hip flexion under ~25 degrees). */
const MIN_KNEES_OUT_FRONT = 0.4;

/** Knees bent less than this (mean of both, 3D) are not in the lumbar-roll position (feet flat, knees bent ~90). */
const MIN_KNEE_FLEX_DEG = 45;

/**
 * How far the bent knees have rolled to one side about the body's long axis, degrees: + = to the person's right,
 * - = to the left, 0 = knees pointing straight up from the body. The reference is the shoulder line, which stays
 * on the floor in a lumbar roll (the pelvis turns with the knees). Null when a needed landmark is not seen.
 */
export function kneeRollWorldDeg(world: readonly WorldLandmark[] | null): number | null {
  if (!world) return null;
  // the same visibility gate as the image features
  if (WHOLE_BODY_LANDMARKS.some((i) => (world[i]?.visibility ?? 0) < MIN_VISIBILITY)) return null;
  const p = (i: number) => world[i]!;
  // a lumbar roll is done with the knees bent; a side bend standing tilts the trunk away from straight legs, which
  // would otherwise read as knees at 90 degrees of roll
  const kneeFlex = (hip: V, knee: V, ankle: V) => angleDeg(sub(knee, hip), sub(ankle, knee));
  const meanKneeFlex =
    (kneeFlex(p(LM.leftHip), p(LM.leftKnee), p(LM.leftAnkle)) +
      kneeFlex(p(LM.rightHip), p(LM.rightKnee), p(LM.rightAnkle))) /
    2;
  if (meanKneeFlex < MIN_KNEE_FLEX_DEG) return null;
  const shoulders = mid(p(LM.leftShoulder), p(LM.rightShoulder));
  const hips = mid(p(LM.leftHip), p(LM.rightHip));
  const long = unit(sub(shoulders, hips));
  // across the body, from the left shoulder to the right, made square to the long axis
  const rawAcross = sub(p(LM.rightShoulder), p(LM.leftShoulder));
  const across = unit(
    sub(rawAcross, {
      x: long.x * dot(rawAcross, long),
      y: long.y * dot(rawAcross, long),
      z: long.z * dot(rawAcross, long),
    }),
  );
  // the front of the body: square to both, on the side the face points to
  let front = unit(cross(long, across));
  if (dot(front, sub(p(LM.nose), shoulders)) < 0) front = { x: -front.x, y: -front.y, z: -front.z };
  const knees = sub(mid(p(LM.leftKnee), p(LM.rightKnee)), hips);
  // the knees must stand out in front of the body (hips flexed, as lying with knees bent: 0.7 of the thigh at 45
  // degrees of hip flexion); standing or with straight legs they lie along the long axis and have no roll
  const along = dot(knees, long);
  const outFront = Math.hypot(knees.x - long.x * along, knees.y - long.y * along, knees.z - long.z * along);
  if (outFront < MIN_KNEES_OUT_FRONT * Math.hypot(knees.x, knees.y, knees.z)) return null;
  return (Math.atan2(dot(knees, across), dot(knees, front)) * 180) / Math.PI;
}

/** Joint angles of one leg from the world landmarks, degrees; null where a needed landmark is not seen. */
export interface WorldLegAngles {
  /** 180 - the 3D angle shoulder-hip-knee: 0 = thigh in line with the trunk, ~145 = knee pulled to the chest. */
  readonly hipFlexionDeg: number | null;
  /** 180 - the 3D angle hip-knee-ankle: 0 = straight knee. */
  readonly kneeFlexionDeg: number | null;
  /** hipFlexionDeg with a sign: + = thigh in front of the trunk line (towards the face), - = behind it (hip
   * extension, the kneeling leg of a lunge). */
  readonly hipFlexionSignedDeg: number | null;
}

export interface WorldBody {
  /** How far the body's left-right axis turns out of the picture, degrees: ~85-90 side-on (pfc/cat-cow, sphinx,
   * bloomfit 84-88, adaptx 75-82 median), ~0-40 facing the camera (seated twist, standing yoga), 45-60 from 30-45
   * degrees off side-on (the skatefit phone clips). Null when shoulders or hips are not seen. */
  readonly sideOnDeg: number | null;
  readonly legs: { readonly left: WorldLegAngles; readonly right: WorldLegAngles };
}

const NO_LEG: WorldLegAngles = { hipFlexionDeg: null, kneeFlexionDeg: null, hipFlexionSignedDeg: null };

/**
 * Angles that the picture distorts when the camera is raised or turned off side-on, from the world landmarks,
 * which give them in 3D wherever the camera stands. Null without world landmarks (the caller falls back to the
 * picture).
 */
export function worldBody(world: readonly WorldLandmark[] | null): WorldBody | null {
  if (!world || world.length < 33) return null;
  const seen = (i: number) => (world[i]?.visibility ?? 0) >= MIN_VISIBILITY;
  const p = (i: number) => world[i]!;
  const core = [LM.leftShoulder, LM.rightShoulder, LM.leftHip, LM.rightHip];
  // the far side of a body side-on is estimated, not seen, but its position along the depth axis is what tells the
  // view: needed only to exist
  if (core.some((i) => !world[i])) return null;
  const across = sub(mid(p(LM.rightShoulder), p(LM.rightHip)), mid(p(LM.leftShoulder), p(LM.leftHip)));
  const sideOnDeg = (Math.atan2(Math.abs(across.z), Math.hypot(across.x, across.y)) * 180) / Math.PI;
  const shoulders = mid(p(LM.leftShoulder), p(LM.rightShoulder));
  const hips = mid(p(LM.leftHip), p(LM.rightHip));
  const long = unit(sub(shoulders, hips));
  let front = unit(cross(long, unit(across)));
  if (seen(LM.nose) && dot(front, sub(p(LM.nose), shoulders)) < 0) front = { x: -front.x, y: -front.y, z: -front.z };
  const leg = (o: 0 | 1): WorldLegAngles => {
    const [sh, hip, knee, ankle] = [LM.leftShoulder + o, LM.leftHip + o, LM.leftKnee + o, LM.leftAnkle + o];
    if (!seen(sh) || !seen(hip) || !seen(knee)) return NO_LEG;
    const thigh = sub(p(knee), p(hip));
    const hipFlexionDeg = 180 - angleDeg(sub(p(sh), p(hip)), thigh);
    return {
      hipFlexionDeg,
      kneeFlexionDeg: seen(ankle) ? 180 - angleDeg(sub(p(hip), p(knee)), sub(p(ankle), p(knee))) : null,
      hipFlexionSignedDeg: seen(LM.nose) ? (dot(thigh, front) >= 0 ? 1 : -1) * hipFlexionDeg : null,
    };
  };
  return { sideOnDeg, legs: { left: leg(0), right: leg(1) } };
}
