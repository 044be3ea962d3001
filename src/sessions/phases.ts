/** The phases of a guided session (session-flow.ts), and which of them allow what: one home for these lists. */

export type Phase =
  | 'choose'
  | 'intro'
  | 'setup'
  | 'start-position'
  | 'calibrate'
  | 'counting'
  | 'stopped'
  | 'rating'
  /** The camera stopped: nothing is counted or timed until it is back (session-flow.ts `camera-lost`). */
  | 'paused'
  | 'done';

const setOf = (...phases: Phase[]): ReadonlySet<Phase> => new Set(phases);

/** A session is under way (the camera runs, Home offers to continue it). */
export const isRunning = (p: Phase): boolean => p !== 'choose' && p !== 'done';

/** The PAIN button (and the space bar) stops the stretch. */
export const PAIN_PHASES = setOf('intro', 'setup', 'start-position', 'calibrate', 'counting');

/** Frames are kept for review: from the camera check to the end of counting (the phases that watch the camera, and
 * come back through the camera check after it was lost). */
export const RECORDED_PHASES = setOf('setup', 'start-position', 'calibrate', 'counting');

/** "Recalibrate my range" is offered. */
export const RECALIBRATE_PHASES = setOf('counting', 'stopped', 'start-position');

/** "Done with this stretch" leads to the rating. */
export const FINISH_PHASES = setOf('counting', 'calibrate', 'start-position', 'setup');
