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
  preloadPoseDetector,
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
export { loadVideo, type LoadedVideo } from './video-file.ts';
export { VideoFileError, type DecodePath, type VideoFrameSource, type FrameSourceOptions } from './file-frames.ts';
export type { FrameTimings } from './video-frames.ts';
export {
  createFileAnalyzer,
  type FileAnalysis,
  type FileAnalysisRun,
  type FileAnalyzer,
  type FileOpenOptions,
} from './file-analysis.ts';
export { analysisProgress, formatClock, formatProgress, type AnalysisProgress } from './progress.ts';
export { parseLandmarkTrack, roundFrame } from './track.ts';
export { createPeopleCounter, type PeopleCounter } from './people-counter.ts';
export { poseParams } from './hash-params.ts';
export { sampleLuma, type LumaSample } from './picture-sample.ts';
