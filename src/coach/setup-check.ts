/**
 * The camera setup check: is the whole body in the picture, seen from the right side, with the hips visible? Judged
 * from the landmarks and the engine's own verdict (view, position, notJudged), and turned into ONE instruction a
 * person on the floor can follow ("move back", "turn side-on", "I can't see your hips").
 */
import type { ExerciseDefinition, TrackerUpdate } from '../exercises/types.ts';
import type { ImageLandmark, PoseFrame } from '../pose/types.ts';
import { LM, MIN_VISIBILITY, WHOLE_BODY_LANDMARKS } from '../pose/landmarks.ts';

export type SetupProblem =
  | 'no-person'
  | 'several-people'
  | 'people-unchecked'
  | 'hips-hidden'
  | 'move-back'
  | 'come-closer'
  | 'turn-side-on'
  | 'face-camera'
  | 'low-visibility';

export interface SetupVerdict {
  readonly ok: boolean;
  readonly problem: SetupProblem | null;
  /** What to tell the user; a confirmation when ok. */
  readonly message: string;
}

/** A seen landmark this close to the picture's edge (fraction of width/height) is about to leave it. */
const EDGE = 0.02;
/** A body spanning less than this fraction of the picture's larger side is too small to measure angles reliably
 * (the person in pfc/sphinx-pose.mp4 spans ~0.45 of the width and is tracked well). */
const TOO_SMALL = 0.2;

const MESSAGES: Record<SetupProblem, string> = {
  'no-person': "I can't see you yet. Get into the picture, head to feet.",
  'several-people':
    'I can see more than one person, and I can only coach one. Ask anyone else to step out of the picture.',
  'people-unchecked': 'One moment: checking that only you are in the picture.',
  'hips-hidden': "I can't see your hips. Move so your hips are in the picture and not covered.",
  'move-back': 'Move back, or move the laptop further away: I need to see you from head to feet.',
  'come-closer': 'Come a little closer to the camera.',
  'turn-side-on': 'Turn side-on to the camera: it should see you from the side.',
  'face-camera': 'Face the camera: it should see you from the front.',
  'low-visibility': 'I can only see part of you. Check the light and that nothing covers you.',
};

/** How many people the people check (people-check.ts) has seen: 'unchecked' until its first answer. */
export type PeopleVerdict = 'one' | 'several' | 'unchecked';

/** Checks the setup for `def` on one frame. `update` is the engine's verdict for the same frame (null before one);
 * `people` is the people check's verdict. */
export function checkSetup(
  frame: PoseFrame | null,
  update: TrackerUpdate | null,
  def: ExerciseDefinition,
  people: PeopleVerdict = 'one',
): SetupVerdict {
  const bad = (problem: SetupProblem): SetupVerdict => ({ ok: false, problem, message: MESSAGES[problem] });
  const lms = frame?.landmarks;
  if (!lms || update?.notJudged === 'no-person') return bad('no-person');
  // the detector follows one of them, and may jump to the other: nothing it measures can be trusted to be the user
  if (people === 'several') return bad('several-people');
  const hipsSeen = [LM.leftHip, LM.rightHip].some((i) => (lms[i]?.visibility ?? 0) >= MIN_VISIBILITY);
  const seen = WHOLE_BODY_LANDMARKS.map((i) => lms[i]).filter(
    (p): p is ImageLandmark => p !== undefined && p.visibility >= MIN_VISIBILITY,
  );
  if (seen.length < 3) return bad('no-person');
  const atEdge = seen.some((p) => p.x < EDGE || p.x > 1 - EDGE || p.y < EDGE || p.y > 1 - EDGE);
  if (!hipsSeen) return bad('hips-hidden');
  if (atEdge || update?.notJudged === 'out-of-frame') return bad('move-back');
  const xs = seen.map((p) => p.x);
  const ys = seen.map((p) => p.y);
  const aspect = frame.imageWidth / Math.max(1, frame.imageHeight);
  const spanW = (Math.max(...xs) - Math.min(...xs)) * aspect;
  const spanH = Math.max(...ys) - Math.min(...ys);
  if (Math.max(spanW, spanH) < TOO_SMALL * Math.max(1, aspect)) return bad('come-closer');
  const wrongView =
    update?.notJudged === 'wrong-view' || (update !== null && update.view !== 'unknown' && update.view !== def.view);
  if (wrongView) return bad(def.view === 'side' ? 'turn-side-on' : 'face-camera');
  if (update?.notJudged === 'low-visibility') return bad('low-visibility');
  if (people === 'unchecked') return bad('people-unchecked');
  return { ok: true, problem: null, message: 'Good: I can see all of you.' };
}
