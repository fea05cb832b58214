export { KEY_ROTATION_JOB, KEY_ROTATIONS, rotationPercent, type KeyRotationDoc } from './key-rotation.js';
export { keysView, startKeyRotation, type KeysView } from './start-rotation.js';
export { runKeyRotation } from './run-rotation.js';
