/**
 * Everything that can go wrong with the engine, the camera or a file, as typed codes. The wording lives in
 * messages.ts; this file only decides which code an error is.
 */
import { PoseEngineError } from '../workers/errors';
import type { PoseErrorCode } from '../workers/errors';
import type { CameraErrorCode, Problem } from '../coach/problems';

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    return typeof error.name === 'string' ? error.name : '';
  }
  return '';
}

function errorDetail(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return typeof error.message === 'string' ? error.message : '';
  }
  return String(error);
}

/** An engine failure; errors without a code (e.g. a worker that failed to start) get `fallback`. */
export function engineProblem(error: unknown, fallback: PoseErrorCode): Problem {
  const code = error instanceof PoseEngineError ? error.code : fallback;
  return { source: 'engine', code, detail: errorDetail(error) };
}

/** Chromium says "Permission denied by system" when the OS, not the person, refused. */
const SYSTEM_DENIAL = /system/i;

/** Maps a getUserMedia rejection (a DOMException or OverconstrainedError) to its code. */
export function cameraErrorCode(error: unknown): CameraErrorCode {
  switch (errorName(error)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return SYSTEM_DENIAL.test(errorDetail(error))
        ? 'PERMISSION_DENIED_SYSTEM'
        : 'PERMISSION_DENIED';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'NO_CAMERA';
    case 'NotReadableError':
    case 'TrackStartError':
      return 'CAMERA_BUSY';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'OVERCONSTRAINED';
    default:
      return 'CAMERA_FAILED';
  }
}

export function cameraProblem(error: unknown): Problem {
  return { source: 'camera', code: cameraErrorCode(error), detail: errorDetail(error) };
}

export function cameraProblemOf(code: CameraErrorCode, detail = ''): Problem {
  return { source: 'camera', code, detail };
}

export function fileProblem(error: unknown): Problem {
  return { source: 'file', code: 'UNREADABLE_FILE', detail: errorDetail(error) };
}
