/**
 * Labelled synthetic tracks of a body doing each of the ten stretches, for testing the counters where no footage
 * exists (lumbar roll, nerve stretch, back block, hip flexor) and for more variety everywhere: body size, camera
 * side, height, tilt, noise, frame-time jitter, dropouts, shallow (uncounted) movements. Pure and deterministic.
 */
import type { ExerciseId, Side } from '../../exercises/types.ts';
import type { LandmarkTrack } from '../../pose/types.ts';
import type { BodyPose } from './body.ts';
import { bodyPoints } from './body.ts';
import { cameraAt } from './camera.ts';
import { fourPoint, kneelingLunge, prone, standing, supine } from './poses.ts';
import { Script, towards, type ExpectedHold } from './script.ts';
import { DEFAULT_RENDER, paramsAt, renderTrack, type Params, type RenderOptions } from './timeline.ts';
import { scale, add, v3 } from './vec.ts';
import { LM } from '../../pose/landmarks.ts';

export interface SynthVariant extends Partial<RenderOptions> {
  /** Which side of the body faces the camera in side views. */
  readonly cameraSide?: Side;
  readonly cameraHeightM?: number;
  readonly distanceM?: number;
  /** The camera not level, degrees. */
  readonly rollDeg?: number;
  /** 1 = the stretch done fully; 0.3 = a shallow movement that must not count. */
  readonly depthScale?: number;
  /** Reps (or cycles, or holds per side) to perform. */
  readonly reps?: number;
  /** Seconds each hold lasts (hold stretches). */
  readonly holdS?: number;
  /** Film it from the wrong place on purpose (the stretch's own view when not given). */
  readonly view?: 'side' | 'front';
  /** A technique fault laid over the script: pose parameters to change at a time (see faults.ts). */
  readonly inject?: (tS: number, p: Params) => Params;
}

export interface SynthClip {
  readonly track: LandmarkTrack;
  /** What a person watching would count when the movement is done fully (depthScale 1). */
  readonly expected: {
    readonly reps: number;
    readonly repSides: readonly (Side | undefined)[];
    readonly holds: readonly ExpectedHold[];
  };
}

type Pose = (p: Params) => BodyPose;
interface Plan {
  readonly pose: Pose;
  readonly script: Script;
  readonly view: 'side' | 'front';
  readonly floor: boolean;
}

const alt = (i: number): Side => (i % 2 === 0 ? 'left' : 'right');

function plan(id: ExerciseId, v: SynthVariant): Plan {
  const k = v.depthScale ?? 1;
  const n = v.reps;
  const deep = (rest: Params, to: Params) => towards(rest, to, k);
  switch (id) {
    case 'pelvic-tilt': {
      const rest = { tuck: 0, neck: -5 };
      const s = new Script(rest).stay(3);
      for (let i = 0; i < (n ?? 6); i++)
        s.move(deep(rest, { tuck: 7 }), 0.8)
          .stay(1.2)
          .rep()
          .move(rest, 0.8)
          .stay(1);
      return { pose: fourPoint, script: s.stay(2), view: 'side', floor: true };
    }
    case 'cat-camel': {
      const rest = { neck: -5 };
      const s = new Script(rest).stay(3);
      for (let i = 0; i < (n ?? 5); i++)
        s.move(deep(rest, { neck: 40 }), 1.2)
          .stay(1)
          .move(deep(rest, { neck: -40 }), 1.6)
          .stay(1)
          .rep();
      return { pose: fourPoint, script: s.move(rest, 1.2).stay(2), view: 'side', floor: true };
    }
    case 'single-knee-to-chest':
    case 'knee-to-chest': {
      const rest = { hipL: 45, kneeL: 90, hipR: 45, kneeR: 90, plantarL: 45, plantarR: 45 };
      const s = new Script(rest).stay(3);
      const single = id === 'single-knee-to-chest';
      for (let i = 0; i < (n ?? 4); i++) {
        const side = single ? alt(i) : undefined;
        const up = { hip: 125, knee: 115, plantar: 20 };
        const legs = (x: 'L' | 'R') => ({ [`hip${x}`]: up.hip, [`knee${x}`]: up.knee, [`plantar${x}`]: up.plantar });
        const to = side === 'left' ? legs('L') : side === 'right' ? legs('R') : { ...legs('L'), ...legs('R') };
        s.move(deep(rest, to), 1)
          .hold(v.holdS ?? (single ? 7 : 6), side, k >= 1)
          .move(rest, 1)
          .stay(2);
      }
      return { pose: supine, script: s, view: 'side', floor: true };
    }
    case 'prone-extension': {
      const rest = { lift: 2 };
      const s = new Script(rest).stay(3);
      for (let i = 0; i < (n ?? 3); i++)
        s.move(deep(rest, { lift: 28 }), 1.5)
          .hold(v.holdS ?? 11, undefined, k >= 1)
          .move(rest, 1.5)
          .stay(2);
      return { pose: prone, script: s, view: 'side', floor: true };
    }
    case 'hip-flexor': {
      const s = new Script({ ext: 2, backLeft: 1 }).stay(3);
      for (const side of ['left', 'right'] as const) {
        if (side === 'right') s.move({ backLeft: 0 }, 3).stay(2);
        s.move(deep({ ext: 2 }, { ext: 18 }), 2)
          .hold(v.holdS ?? 31, side, k >= 1)
          .move({ ext: 2 }, 2)
          .stay(2);
      }
      return { pose: kneelingLunge, script: s, view: 'side', floor: false };
    }
    case 'nerve-stretch': {
      const rest = { raise: 70, plantar: 25, lean: 10, raisedLeft: v.cameraSide === 'right' ? 0 : 1 };
      const side: Side = rest.raisedLeft ? 'left' : 'right';
      const s = new Script(rest).stay(3);
      for (let i = 0; i < (n ?? 6); i++)
        s.move(deep(rest, { plantar: -15 }), 0.8)
          .stay(0.5)
          .rep(side)
          .move(rest, 0.8)
          .stay(0.7);
      return { pose: standing, script: s.stay(1), view: 'side', floor: false };
    }
    case 'ql-stretch': {
      const s = new Script({ bend: 0 }).stay(3);
      for (const side of ['left', 'right'] as const) {
        s.move(deep({ bend: 0 }, { bend: side === 'left' ? 30 : -30 }), 3)
          .hold(v.holdS ?? 21, side, k >= 1)
          .move({ bend: 0 }, 3)
          .stay(3);
      }
      return { pose: standing, script: s, view: 'front', floor: false };
    }
    case 'lumbar-roll': {
      const s = new Script({ legRoll: 0 }).stay(3);
      for (let i = 0; i < (n ?? 6); i++) {
        const side = alt(i);
        s.move(deep({ legRoll: 0 }, { legRoll: side === 'left' ? 45 : -45 }), 1.5)
          .stay(0.5)
          .rep(side)
          .move({ legRoll: 0 }, 1.5)
          .stay(1);
      }
      return { pose: supine, script: s.stay(1), view: 'front', floor: true };
    }
    case 'back-block': {
      const heightM = v.heightM ?? DEFAULT_RENDER.heightM;
      const rest = { hipL: 45, kneeL: 90, hipR: 45, kneeR: 90, plantarL: 45, plantarR: 45, blockDeg: 0 };
      // a 12 cm block under the sacrum tilts the trunk; straight legs slope down from the raised hips to the floor
      const blockDeg = (Math.asin(0.12 / (0.3 * heightM)) * 180) / Math.PI;
      const legDownDeg = (Math.asin(0.12 / (0.49 * heightM)) * 180) / Math.PI;
      const onBlock = {
        blockDeg: k * blockDeg,
        hipL: -blockDeg - legDownDeg,
        kneeL: 0,
        hipR: -blockDeg - legDownDeg,
        kneeR: 0,
        plantarL: 10,
        plantarR: 10,
      };
      const knees = { hipL: 125, kneeL: 115, hipR: 125, kneeR: 115, plantarL: 20, plantarR: 20 };
      const s = new Script(rest).stay(3).move(onBlock, 2.5);
      for (let i = 0; i < (n ?? 3); i++) {
        s.hold(v.holdS ?? 62, undefined, false)
          .move(knees, 1.5)
          .hold(6, undefined, k >= 1)
          .move(onBlock, 1.5);
      }
      return { pose: supine, script: s.move(rest, 2).stay(3), view: 'side', floor: true };
    }
  }
}

/** Renders a labelled synthetic clip of stretch `id`. */
export function synthesize(id: ExerciseId, v: SynthVariant = {}): SynthClip {
  const planned = plan(id, v);
  const { pose, script, floor } = planned;
  const view = v.view ?? planned.view;
  const opts: RenderOptions = { ...DEFAULT_RENDER, ...v };
  const poseAt = (tS: number) => {
    const p = paramsAt(script.keys, tS);
    return pose(v.inject ? v.inject(tS, p) : p);
  };
  const first = bodyPoints(poseAt(0), opts.heightM);
  const core = [LM.leftShoulder, LM.rightShoulder, LM.leftHip, LM.rightHip, LM.leftKnee, LM.rightKnee];
  const target = scale(
    core.reduce((a, i) => add(a, first[i]!), v3(0, 0, 0)),
    1 / core.length,
  );
  // side view: from the person's left (-z) or right (+z); front view: from +x (the face when standing, the feet
  // when lying on the back)
  const from = view === 'front' ? v3(1, 0, 0) : v3(0, 0, v.cameraSide === 'right' ? 1 : -1);
  const camHeight = v.cameraHeightM ?? (id === 'lumbar-roll' ? 0.8 : floor ? 0.35 : 1.0);
  const camera = cameraAt(target, from, v.distanceM ?? (id === 'lumbar-roll' ? 2 : 2.6), camHeight, v.rollDeg ?? 0);
  const track = renderTrack(poseAt, camera, script.tS, opts, `synthetic:${id}`);
  return { track, expected: { reps: script.repSides.length, repSides: script.repSides, holds: script.holds } };
}
