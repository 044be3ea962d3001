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
 * (the trunk tilts head-down by this much); legRoll: knees fallen to the left (+) or right (-); headLift: the head
 * raised off the floor; twist: the upper body rolled about its long axis (a shoulder off the floor); spread: the knees
 * apart, each thigh turned out by this much. */
export function supine(p: Params): BodyPose {
  const trunkDeg = 90 + get(p, 'blockDeg');
  const leg = (s: 'L' | 'R'): LegAngles =>
    legFromFlexion(trunkDeg, get(p, `hip${s}`, 45), get(p, `knee${s}`, 90), get(p, `plantar${s}`, 45));
  return {
    trunkDeg,
    // headLift: the chin drawn towards the chest, the head off the floor
    headDeg: trunkDeg - get(p, 'headLift'),
    legs: { left: leg('L'), right: leg('R') },
    arms: bothArms(straightDown), // along the sides, towards the feet
    bodyRotDeg: 90,
    legRollDeg: get(p, 'legRoll'),
    trunkTwistDeg: get(p, 'twist'),
    legSpreadDeg: get(p, 'spread'),
  };
}

/** On hands and knees. tuck: the thighs lean forward from vertical (posterior pelvic tilt); neck: the head raised
 * above the trunk line (+, cow) or dropped (-, cat). The trunk slope follows from arm and thigh lengths. Faults:
 * handsFwd (the hands placed ahead of the shoulders, the arms' lean in degrees), kneesBack (the knees behind the
 * hips, the thighs' lean), elbowBend (degrees). */
export function fourPoint(p: Params): BodyPose {
  const tuck = get(p, 'tuck');
  const thigh = tuck + get(p, 'kneesBack');
  const handsFwd = get(p, 'handsFwd');
  const elbow = get(p, 'elbowBend');
  // shoulders on straight arms (0.332 H) and hips on vertical thighs (0.245 H): the trunk (0.3 H) rises ~15 degrees
  const shoulderUp = 0.97 * 0.332 * Math.cos(handsFwd / DEG) * Math.cos(elbow / 2 / DEG);
  const trunkDeg = Math.asin((shoulderUp - 0.245 * Math.cos(thigh / DEG)) / 0.3) * DEG;
  const leg: LegAngles = { thighDeg: -90 - thigh, shankDeg: -180, footDeg: -180 };
  return {
    trunkDeg,
    headDeg: trunkDeg + get(p, 'neck'),
    legs: { left: leg, right: leg },
    arms: bothArms({ upperDeg: -92 + handsFwd + elbow / 2, foreDeg: -88 + handsFwd - elbow / 2 }),
    bodyRotDeg: 0,
  };
}

/** On the stomach, head towards +x. lift: the trunk raised on the forearms (degrees above the floor). Faults:
 * straightArms (0..1), hipLift (degrees), neckBack (the head tipped back, degrees). */
export function prone(p: Params): BodyPose {
  const lift = get(p, 'lift');
  const trunkDeg = 90 + lift;
  // hipLift: the legs turned down from the hips, lifting the pelvis off the floor
  const legDeg = -90 + get(p, 'hipLift');
  const leg: LegAngles = { thighDeg: legDeg, shankDeg: legDeg, footDeg: -90 };
  // forearms flat on the floor pointing forward; the upper arms come up to vertical as the chest rises
  const prop = Math.min(1, Math.max(0, lift / 25));
  const upperDeg = 90 - 90 * prop;
  // straightArms 0..1: the forearm comes in line with the upper arm (a push-up on straight arms)
  const foreDeg = 90 + get(p, 'straightArms') * (upperDeg - 90);
  return {
    trunkDeg,
    headDeg: trunkDeg + 10 + get(p, 'neckBack'),
    legs: { left: leg, right: leg },
    arms: bothArms({ upperDeg, foreDeg }),
    bodyRotDeg: -90,
  };
}

/** Standing, facing +x. lean: forward; bend: sideways to the left (+) or right (-), with the hips pushed out the
 * other way (hipShiftScale 1); raise: hip flexion of the leg with its heel on a bench (raisedLeft 1 = the left leg),
 * knee straight, ankle plantarflexed by `plantar`. Faults: raisedKnee, standKnee (knee bends), round (degrees),
 * twist (degrees), hipShiftScale (0 = no hip shift). */
export function standing(p: Params): BodyPose {
  const trunkDeg = 90 - get(p, 'lean');
  const bend = get(p, 'standKnee');
  const stance: LegAngles = { thighDeg: -90 + bend / 2, shankDeg: -90 - bend / 2, footDeg: 0 };
  const raise = get(p, 'raise');
  const thighDeg = -90 + raise;
  const shankDeg = thighDeg - 3 - get(p, 'raisedKnee');
  const raised: LegAngles = { thighDeg, shankDeg, footDeg: shankDeg + 90 - get(p, 'plantar') };
  const leftUp = raise > 0 && get(p, 'raisedLeft', 1) >= 0.5;
  const rightUp = raise > 0 && !leftUp;
  const sideBend = get(p, 'bend');
  return {
    trunkDeg,
    // round: the upper back curled, the head dropping forward of the trunk line
    headDeg: trunkDeg - get(p, 'round'),
    legs: { left: leftUp ? raised : stance, right: rightUp ? raised : stance },
    arms: bothArms(straightDown),
    bodyRotDeg: 0,
    sideBendDeg: sideBend,
    trunkTwistDeg: get(p, 'twist'),
    // the article's side bend pushes the hip out the other way: 4 mm per degree of bend (12 cm at 30 degrees)
    hipShiftM: get(p, 'hipShiftScale', 1) * 0.004 * sideBend,
  };
}

/** Kneeling on one knee (backLeft 1 = the left knee down), the other foot in front. ext: the back hip's extension
 * behind the trunk line as the pelvis shifts forward; the front knee travels forward over the foot with it; lean:
 * the trunk forward (+) or back (-). Faults: backKneeUp (degrees), kneeFwd (extra front shin lean, degrees). */
export function kneelingLunge(p: Params): BodyPose {
  const ext = get(p, 'ext');
  const trunkDeg = 90 - get(p, 'lean');
  // backKneeUp: the back shin rises off the floor about the toes (a high lunge)
  const back: LegAngles = { thighDeg: -90 - ext, shankDeg: -180 + get(p, 'backKneeUp'), footDeg: -180 };
  const ahead = 5 + 0.8 * ext + get(p, 'kneeFwd'); // front shin tilt, knee ahead of the ankle
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
