/** The pose layer's public API: the only module other layers import from `src/pose/` (plus types.ts / landmarks.ts). */
export type {
  Backend,
  BackendChoice,
  ImageLandmark,
  LandmarkTrack,
  ModelType,
  PoseFrame,
  WorldLandmark,
} from './types.ts';
export { LM, LANDMARK_COUNT, SKELETON_EDGES } from './landmarks.ts';
export {
  createPoseDetector,
  chooseAutoBackend,
  type PoseDetector,
  type PoseDetectorOptions,
  type PoseImage,
} from './create-detector.ts';
export {
  CameraError,
  cameraErrorMessage,
  listCameras,
  openCamera,
  type CameraErrorKind,
  type CameraSource,
} from './camera.ts';
export type { FrameSource } from './frame-source.ts';
export { startPoseStream, type PoseStream, type PoseStreamOptions, type PoseStreamStage } from './pose-stream.ts';
export {
  analyzeVideo,
  estimateSourceFps,
  loadVideo,
  VideoFileError,
  type LoadedVideo,
  type VideoFileOptions,
} from './video-file.ts';
export { parseLandmarkTrack, replayTrack, roundFrame } from './track.ts';
export { createPeopleCounter, type PeopleCounter } from './people-counter.ts';
export { poseParams } from './hash-params.ts';
