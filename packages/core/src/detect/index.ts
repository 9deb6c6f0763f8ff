export { detectRepo } from './detect.js';
export { detectedAnswers, type DetectedAnswers } from './answers.js';
export type { Detection, Finding, Evidence, Unsupported, PackageDetection, Monorepo, CiSystem, ExistingAgent, DetectedAdrLog } from './types.js';
