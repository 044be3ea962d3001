/** A landmark counts as seen at or above this visibility; BlazePose gives >0.9 for clearly visible joints and
 * drops below 0.5 for joints out of frame or hidden (the close-up of adaptx/knee_to_chest has feet at 0.1-0.4).
 * The one visibility gate: the features, the set-up check and the skeleton overlay all use it. */
export const MIN_VISIBILITY = 0.5;

/** BlazePose's 33 landmark indices, by name. */
export const LM = {
  nose: 0,
  leftEyeInner: 1,
  leftEye: 2,
  leftEyeOuter: 3,
  rightEyeInner: 4,
  rightEye: 5,
  rightEyeOuter: 6,
  leftEar: 7,
  rightEar: 8,
  mouthLeft: 9,
  mouthRight: 10,
  leftShoulder: 11,
  rightShoulder: 12,
  leftElbow: 13,
  rightElbow: 14,
  leftWrist: 15,
  rightWrist: 16,
  leftPinky: 17,
  rightPinky: 18,
  leftIndex: 19,
  rightIndex: 20,
  leftThumb: 21,
  rightThumb: 22,
  leftHip: 23,
  rightHip: 24,
  leftKnee: 25,
  rightKnee: 26,
  leftAnkle: 27,
  rightAnkle: 28,
  leftHeel: 29,
  rightHeel: 30,
  leftFootIndex: 31,
  rightFootIndex: 32,
} as const;

/** The head and the joints of trunk and legs (nose, shoulders, hips, knees, ankles): what must be seen for a whole
 * body to be judged, by the set-up check and by the knee roll from world landmarks. */
export const WHOLE_BODY_LANDMARKS: readonly number[] = [
  LM.nose,
  LM.leftShoulder,
  LM.rightShoulder,
  LM.leftHip,
  LM.rightHip,
  LM.leftKnee,
  LM.rightKnee,
  LM.leftAnkle,
  LM.rightAnkle,
];

export const LANDMARK_COUNT = 33;

/** Bones drawn for the skeleton overlay, as pairs of landmark indices. */
export const SKELETON_EDGES: readonly (readonly [number, number])[] = [
  [LM.leftShoulder, LM.rightShoulder],
  [LM.leftShoulder, LM.leftElbow],
  [LM.leftElbow, LM.leftWrist],
  [LM.rightShoulder, LM.rightElbow],
  [LM.rightElbow, LM.rightWrist],
  [LM.leftShoulder, LM.leftHip],
  [LM.rightShoulder, LM.rightHip],
  [LM.leftHip, LM.rightHip],
  [LM.leftHip, LM.leftKnee],
  [LM.leftKnee, LM.leftAnkle],
  [LM.leftAnkle, LM.leftHeel],
  [LM.leftHeel, LM.leftFootIndex],
  [LM.leftAnkle, LM.leftFootIndex],
  [LM.rightHip, LM.rightKnee],
  [LM.rightKnee, LM.rightAnkle],
  [LM.rightAnkle, LM.rightHeel],
  [LM.rightHeel, LM.rightFootIndex],
  [LM.rightAnkle, LM.rightFootIndex],
  [LM.nose, LM.leftEye],
  [LM.nose, LM.rightEye],
  [LM.leftEye, LM.leftEar],
  [LM.rightEye, LM.rightEar],
];
