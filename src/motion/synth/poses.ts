/**
 * Body positions (on the back, on all fours, on the stomach, standing, kneeling on one knee) as functions of a few
 * named parameters (degrees unless named otherwise), so that a stretch's scenario is a keyframed path through one of
 * them. Pure.
 */
import { legFromFlexion, type ArmAngles, type BodyPose, type LegAngles } from './body.ts';
import type { Params } from './timeline.ts';

const DEG = 180 / Math.PI;
const get = (p: Params, k: string, fallback = 0) => p[k] ?? fallback;
const straightDown: ArmAngles = { upperDeg: -90, foreDeg: -90 };
const bothArms = (a: ArmAngles) => ({ left: a, right: a });

/** Lying on the back, head towards -x. hipL/hipR, kneeL/kneeR: flexions; blockDeg: the pelvis raised on a block
 * (the trunk tilts head-down by this much); legRoll: knees fallen to the left (+) or right (-). */
export function supine(p: Params): BodyPose {
  const trunkDeg = 90 + get(p, 'blockDeg');
  const leg = (s: 'L' | 'R'): LegAngles =>
    legFromFlexion(trunkDeg, get(p, `hip${s}`, 45), get(p, `knee${s}`, 90), get(p, `plantar${s}`, 45));
  return {
    trunkDeg,
    headDeg: trunkDeg,
    legs: { left: leg('L'), right: leg('R') },
    arms: bothArms(straightDown), // along the sides, towards the feet
    bodyRotDeg: 90,
    legRollDeg: get(p, 'legRoll'),
  };
}

/** On hands and knees. tuck: the thighs lean forward from vertical (posterior pelvic tilt); neck: the head raised
 * above the trunk line (+, cow) or dropped (-, cat). The trunk slope follows from arm and thigh lengths. */
export function fourPoint(p: Params): BodyPose {
  const tuck = get(p, 'tuck');
  // shoulders on straight arms (0.332 H) and hips on vertical thighs (0.245 H): the trunk (0.3 H) rises ~15 degrees
  const trunkDeg = Math.asin((0.97 * 0.332 - 0.245 * Math.cos(tuck / DEG)) / 0.3) * DEG;
  const leg: LegAngles = { thighDeg: -90 - tuck, shankDeg: -180, footDeg: -180 };
  return {
    trunkDeg,
    headDeg: trunkDeg + get(p, 'neck'),
    legs: { left: leg, right: leg },
    arms: bothArms({ upperDeg: -92, foreDeg: -88 }),
    bodyRotDeg: 0,
  };
}

/** On the stomach, head towards +x. lift: the trunk raised on the forearms (degrees above the floor). */
export function prone(p: Params): BodyPose {
  const lift = get(p, 'lift');
  const trunkDeg = 90 + lift;
  const leg: LegAngles = { thighDeg: -90, shankDeg: -90, footDeg: -90 };
  // forearms flat on the floor pointing forward; the upper arms come up to vertical as the chest rises
  const prop = Math.min(1, Math.max(0, lift / 25));
  return {
    trunkDeg,
    headDeg: trunkDeg + 10,
    legs: { left: leg, right: leg },
    arms: bothArms({ upperDeg: 90 - 90 * prop, foreDeg: 90 }),
    bodyRotDeg: -90,
  };
}

/** Standing, facing +x. lean: forward; bend: sideways to the left (+) or right (-); raise: hip flexion of the leg
 * with its heel on a bench (raisedLeft 1 = the left leg), knee straight, ankle plantarflexed by `plantar`. */
export function standing(p: Params): BodyPose {
  const trunkDeg = 90 - get(p, 'lean');
  const stance: LegAngles = { thighDeg: -90, shankDeg: -90, footDeg: 0 };
  const raise = get(p, 'raise');
  const thighDeg = -90 + raise;
  const raised: LegAngles = { thighDeg, shankDeg: thighDeg - 3, footDeg: thighDeg - 3 + 90 - get(p, 'plantar') };
  const leftUp = raise > 0 && get(p, 'raisedLeft', 1) >= 0.5;
  const rightUp = raise > 0 && !leftUp;
  return {
    trunkDeg,
    headDeg: trunkDeg,
    legs: { left: leftUp ? raised : stance, right: rightUp ? raised : stance },
    arms: bothArms(straightDown),
    bodyRotDeg: 0,
    sideBendDeg: get(p, 'bend'),
  };
}

/** Kneeling on one knee (backLeft 1 = the left knee down), the other foot in front. ext: the back hip's extension
 * behind the trunk line as the pelvis shifts forward; the front knee travels forward over the foot with it. */
export function kneelingLunge(p: Params): BodyPose {
  const ext = get(p, 'ext');
  const trunkDeg = 90 - get(p, 'lean');
  const back: LegAngles = { thighDeg: -90 - ext, shankDeg: -180, footDeg: -180 };
  const ahead = 5 + 0.8 * ext; // front shin tilt, knee ahead of the ankle
  const shankDeg = -90 - ahead;
  // the front foot reaches the floor: hip height (back thigh) = front thigh drop + front shin height
  const thighDeg =
    Math.asin(Math.max(-1, Math.min(1, (0.246 * Math.cos(ahead / DEG) - 0.245 * Math.cos(ext / DEG)) / 0.245))) * DEG;
  const front: LegAngles = { thighDeg, shankDeg, footDeg: 0 };
  const backLeft = get(p, 'backLeft', 1) >= 0.5;
  return {
    trunkDeg,
    headDeg: trunkDeg,
    legs: { left: backLeft ? back : front, right: backLeft ? front : back },
    arms: bothArms(straightDown),
    bodyRotDeg: 0,
  };
}
