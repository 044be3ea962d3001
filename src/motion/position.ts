/** Body position and camera view from features. Thresholds come from the footage tracks (see each comment). */
import type { BodyFeatures, LegFeatures } from './features.ts';

export type CameraView = 'side' | 'front';
export type BodyPosition =
  | 'standing'
  | 'four-point-kneel'
  | 'supine-knees-bent'
  | 'supine-knees-straight'
  | 'prone'
  | 'kneeling-lunge'
  | 'unknown';

/** Shoulder width below 0.45 torso lengths = side-on: side-view clips measure 0.01-0.22 (pfc/cat-cow, sphinx,
 * bloomfit, adaptx), people facing the camera 0.6-1.0 (standing front views). */
const SIDE_VIEW_MAX_SHOULDER_RATIO = 0.45;
/** Trunk above 50 degrees from horizontal = upright (standing clips 80-90, deepest side bend in pfc/side-stretches 56). */
const UPRIGHT_MIN_ELEVATION_DEG = 50;
/** Trunk within 35 degrees of horizontal = lying or on all fours (tabletop 10-15, sphinx 24-30; cobra 51 is
 * handled as prone by the leg check). */
const FLAT_MAX_ELEVATION_DEG = 35;
/** On all fours the trunk is within this of horizontal in the picture: tabletop 10-15 side-on at floor level
 * (footage and generator), 25 from a camera 1.2 m up and 30 degrees off side-on (generator); sitting back towards
 * the heels tips it past 35. */
const TABLETOP_MAX_ELEVATION_DEG = 30;
/** Knee bent more than 45 degrees = "knees bent" (supine knees bent measures 85-95, straight legs under 20). */
const BENT_KNEE_MIN_DEG = 45;
/** Wrists more than 0.6 torso lengths below the shoulders = hands on the floor under the body (tabletop 0.8-1.0). */
const HANDS_DOWN_MIN = 0.6;
/** Nose below the ears in the picture = face down: lying on the back it is 0.09-0.20 torso lengths above them
 * (adaptx knee-to-chest and pelvic tilt, pfc bridges, malik twist), face down -0.16 to -0.03 (child's pose on pfc and
 * trajnovd, trajnovd prone quad stretch, cobra, cat-cow). */
const FACE_DOWN_MAX_NOSE_ABOVE_EARS = 0;
/** Face down with bent knees and the hips this far above the knees = sitting back on the heels (child's pose
 * 0.40-0.77), not lying on the stomach (prone knee bend 0.04-0.09). */
const KNEELING_FOLD_MIN_PELVIS_ABOVE_KNEES = 0.25;

/** The body's left-right axis turned more than 40 degrees out of the picture (world landmarks) = side-on: side-view
 * clips measure 75-88 (median per clip), 30-45 degrees off side-on 45-60 (skatefit phone clips, generated), facing
 * the camera 2-41 (90th percentile 41-45 on the seated twist and the standing yoga clips, turning). */
const SIDE_VIEW_MIN_WORLD_DEG = 40;

/** Side-on or facing the camera: from the world landmarks where given (a raised or turned camera widens the
 * shoulders in the picture), else from the shoulder width in the picture. */
export function cameraView(f: BodyFeatures): CameraView {
  if (f.sideOnWorldDeg !== null) return f.sideOnWorldDeg > SIDE_VIEW_MIN_WORLD_DEG ? 'side' : 'front';
  return f.shoulderWidthRatio < SIDE_VIEW_MAX_SHOULDER_RATIO ? 'side' : 'front';
}

function bent(leg: LegFeatures): boolean {
  return (leg.kneeFlexionDeg ?? 0) > BENT_KNEE_MIN_DEG;
}

/** One knee near the floor (level with its ankle) and the other leg bent with the foot forward; or, when the far
 * leg is hidden, one kneeling leg under an upright trunk. */
function kneelingLunge(f: BodyFeatures): boolean {
  const { left, right } = f.legs;
  if (left.kneeAboveAnkle === null && right.kneeAboveAnkle === null) return false;
  if (left.kneeAboveAnkle === null || right.kneeAboveAnkle === null) {
    const seen = left.kneeAboveAnkle === null ? right : left;
    return Math.abs(seen.kneeAboveAnkle ?? 9) < 0.25;
  }
  const [low, high] = left.kneeAboveAnkle < right.kneeAboveAnkle ? [left, right] : [right, left];
  // back knee on the floor: within 0.25 torso of its ankle height; front knee well above its ankle (shin upright)
  return Math.abs(low.kneeAboveAnkle ?? 9) < 0.25 && (high.kneeAboveAnkle ?? 0) > 0.6 && bent(high);
}

/** Either knee bent past BENT_KNEE_MIN_DEG. */
export function kneesBent(f: BodyFeatures): boolean {
  return bent(f.legs.left) || bent(f.legs.right);
}

/** Classifies the body position; 'unknown' when the evidence is mixed. */
export function classifyPosition(f: BodyFeatures): BodyPosition {
  const elev = Math.abs(f.trunkElevationDeg);
  const anyKneeBent = kneesBent(f);
  if (f.trunkElevationDeg > UPRIGHT_MIN_ELEVATION_DEG) {
    if (kneelingLunge(f)) return 'kneeling-lunge';
    if (!anyKneeBent) return 'standing';
    return 'unknown';
  }
  if (elev <= FLAT_MAX_ELEVATION_DEG || f.trunkElevationDeg > 0) {
    const handsDown = (f.wristsBelowShoulders ?? 0) > HANDS_DOWN_MIN;
    // side-on, the far leg is usually hidden: one seen knee is enough
    const kneeSeen = f.legs.left.kneeY !== null || f.legs.right.kneeY !== null;
    if (handsDown && anyKneeBent && kneeSeen && elev < TABLETOP_MAX_ELEVATION_DEG) return 'four-point-kneel';
    if (f.trunkElevationDeg > 8 && !anyKneeBent) return 'prone'; // chest lifted on forearms or hands, legs long
    if (anyKneeBent) {
      // face down: a kneeling fold (child's pose) or a prone knee bend, never lying on the back
      if ((f.noseAboveEars ?? 1) < FACE_DOWN_MAX_NOSE_ABOVE_EARS)
        return (f.pelvisAboveKnees ?? 0) > KNEELING_FOLD_MIN_PELVIS_ABOVE_KNEES ? 'unknown' : 'prone';
      return 'supine-knees-bent';
    }
    if ((f.noseAboveEars ?? 0) > 0.05) return 'supine-knees-straight';
    return 'prone';
  }
  return 'unknown';
}
