/** Signals shared by several stretches, each oriented so larger = deeper. Pure. */
import { blend, type BodyFeatures } from '../../motion/features.ts';
import type { Side } from '../types.ts';
import type { Measurement } from '../counting/spec.ts';

/** The leg with the larger hip flexion, and how much (knee towards the chest). */
export function raisedLeg(f: BodyFeatures): Measurement | null {
  const l = f.legs.left.hipFlexionDeg;
  const r = f.legs.right.hipFlexionDeg;
  if (l === null && r === null) return null;
  const side: Side = (l ?? -Infinity) >= (r ?? -Infinity) ? 'left' : 'right';
  return { depth: Math.max(l ?? -Infinity, r ?? -Infinity), side };
}

/** Both knees to the chest: the lesser of the two hip flexions (both must come up). Side-on, the far leg is
 * hidden behind the near one when both are pulled in (adaptx/knee_to_chest 31-37 s), so a hidden leg is taken to
 * lie with the seen one; a leg left down stays visible and keeps the depth low. */
export function bothLegs(f: BodyFeatures): Measurement | null {
  const seen = [f.legs.left.hipFlexionDeg, f.legs.right.hipFlexionDeg].filter((v): v is number => v !== null);
  if (seen.length === 0) return null;
  return { depth: Math.min(...seen), side: null };
}

/** Trunk lifted from the floor, degrees above horizontal. Turned off side-on, the picture's trunk angle is not the
 * lift (a camera 1.2 m up and 30 degrees round reads rest as 11 and a 28-degree lift as 36): there the trunk's
 * angle over the thighs, which lie on the floor, is blended in from the world landmarks (features.ts). */
export function trunkLift(f: BodyFeatures): Measurement {
  return { depth: blend(f.trunkOverThighsWorldDeg, f.trunkElevationDeg, f.worldWeight)!, side: null };
}

/** Hip and knee opening of the better-seen side: on all fours the tuck of a posterior tilt opens both
 * (bloomfit/pelvic_tilt: hip 106-108 -> 114-117 degrees, knee 94-96 -> 102-105). */
export function hipKneeOpening(f: BodyFeatures): Measurement | null {
  const leg = f.legs[f.nearSide];
  if (leg.hipFlexionDeg === null || leg.kneeFlexionDeg === null) return null;
  // flexions fall as the angles open, so the opening is the negated sum
  return { depth: -(leg.hipFlexionDeg + leg.kneeFlexionDeg), side: null };
}
