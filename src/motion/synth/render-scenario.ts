/**
 * Labelled synthetic tracks of a body doing a stretch, for testing the counters where no footage exists and for more
 * variety everywhere: body size, camera side, height, tilt, noise, frame-time jitter, dropouts, shallow (uncounted)
 * movements. Generic: each stretch declares its own `Scenario` (pose and script) in its file in src/exercises/defs.
 * Pure and deterministic.
 */
import type { LandmarkTrack } from '../../pose/types.ts';
import type { Side } from '../features.ts';
import type { CameraView } from '../position.ts';
import type { BodyPose } from './body.ts';
import { bodyPoints } from './body.ts';
import { cameraAt } from './camera.ts';
import type { ExpectedHold, Script } from './script.ts';
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
  /** The camera turned this far about the vertical from its view (side-on or facing), degrees, + = towards the
   * person's head side when side-on (towards their left when facing them). */
  readonly cameraYawDeg?: number;
  /** 1 = the stretch done fully; 0.3 = a shallow movement that must not count. */
  readonly depthScale?: number;
  /** Reps (or cycles, or holds per side) to perform. */
  readonly reps?: number;
  /** Seconds each hold lasts (hold stretches). */
  readonly holdS?: number;
  /** Film it from the wrong place on purpose (the stretch's own view when not given). */
  readonly view?: CameraView;
  /** A technique fault laid over the script: the pose parameters at a time, changed (see injectAt). */
  readonly inject?: (tS: number, p: Params) => Params;
}

export interface SynthClip {
  readonly track: LandmarkTrack;
  /** What a person watching would count when the movement is done fully (depthScale 1). */
  readonly expected: {
    readonly reps: number;
    readonly repSides: readonly (Side | undefined)[];
    readonly holds: readonly ExpectedHold[];
    /** How far a counted hold's start or end may sit from the scripted one, seconds (see `Scenario`). */
    readonly holdToleranceS: number;
  };
}

/** How the generator performs one stretch: the body's pose from the script's parameters, and where the camera
 * stands by default (floor level for floor stretches). */
export interface Scenario {
  readonly pose: (p: Params) => BodyPose;
  readonly script: Script;
  readonly floor: boolean;
  /** Camera height and distance when the variant names none (default: 0.35 m up on the floor, else 1 m; 2.6 m away). */
  readonly cameraHeightM?: number;
  readonly distanceM?: number;
  /** How far a counted hold's boundary may sit from the scripted one (default 0.5 s): the script reaches the end
   * position at the end of its eased approach, and the engine's "in position" is 60 % of the way back from the
   * plateau (src/exercises/counting/end-position.ts), so the slower the approach, the earlier the engine's start. */
  readonly holdToleranceS?: number;
}

/** Renders a labelled synthetic clip of `scenario`, filmed from `stretchView` unless the variant says otherwise. */
export function renderScenario(
  scenario: Scenario,
  stretchView: CameraView,
  v: SynthVariant = {},
  source = 'synthetic',
): SynthClip {
  const { pose, script, floor } = scenario;
  const view = v.view ?? stretchView;
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
  const straight = view === 'front' ? v3(1, 0, 0) : v3(0, 0, v.cameraSide === 'right' ? 1 : -1);
  const yaw = ((v.cameraYawDeg ?? 0) * Math.PI) / 180;
  const from = v3(
    straight.x * Math.cos(yaw) - straight.z * Math.sin(yaw),
    0,
    straight.x * Math.sin(yaw) + straight.z * Math.cos(yaw),
  );
  const camHeight = v.cameraHeightM ?? scenario.cameraHeightM ?? (floor ? 0.35 : 1.0);
  const camera = cameraAt(target, from, v.distanceM ?? scenario.distanceM ?? 2.6, camHeight, v.rollDeg ?? 0);
  const track = renderTrack(poseAt, camera, script.tS, opts, source);
  const holdToleranceS = scenario.holdToleranceS ?? 0.5;
  return {
    track,
    expected: { reps: script.repSides.length, repSides: script.repSides, holds: script.holds, holdToleranceS },
  };
}
