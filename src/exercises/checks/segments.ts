/** The body segments a form fault highlights on the skeleton, named once (landmark indices, both sides). Pure. */
import { LM } from '../../pose/landmarks.ts';

/** Shoulder, elbow and wrist of both arms. */
export const ARMS = [LM.leftShoulder, LM.leftElbow, LM.leftWrist, LM.rightShoulder, LM.rightElbow, LM.rightWrist];
/** Hip, knee and ankle of both legs. */
export const LEGS = [LM.leftHip, LM.leftKnee, LM.leftAnkle, LM.rightHip, LM.rightKnee, LM.rightAnkle];
/** Both shoulders and both hips. */
export const TRUNK = [LM.leftShoulder, LM.rightShoulder, LM.leftHip, LM.rightHip];
/** Knee and ankle of both legs. */
export const SHINS = [LM.leftKnee, LM.leftAnkle, LM.rightKnee, LM.rightAnkle];
/** Both thighs: hip and knee. */
export const THIGHS = [LM.leftHip, LM.leftKnee, LM.rightHip, LM.rightKnee];
/** Nose, ears and shoulders. */
export const HEAD_AND_NECK = [LM.nose, LM.leftEar, LM.rightEar, LM.leftShoulder, LM.rightShoulder];
/** Both hips. */
export const PELVIS = [LM.leftHip, LM.rightHip];
