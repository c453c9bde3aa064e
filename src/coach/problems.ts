/**
 * Everything that can go wrong with the engine, the camera or a file, as typed codes. The wording
 * lives in src/content/messages.ts; src/ui/problems.ts decides which code a thrown error is.
 */
import type { PoseErrorCode } from '../workers/errors';

export type CameraErrorCode =
  | 'UNSUPPORTED' // no getUserMedia: an old browser, or a page not served over https
  | 'PERMISSION_DENIED' // the person (or the browser's settings) said no
  | 'PERMISSION_DENIED_SYSTEM' // the operating system's privacy settings block the browser
  | 'NO_CAMERA' // no camera connected
  | 'CAMERA_BUSY' // another app holds the camera, or its driver failed
  | 'OVERCONSTRAINED' // no camera meets the requested size or rate
  | 'CAMERA_LOST' // the track ended while in use: unplugged, or permission withdrawn
  | 'PROMPT_TIMEOUT' // getUserMedia has not answered for a long time: a prompt nobody sees
  | 'CAMERA_FAILED'; // anything else

/** A file that is not a picture or clip we can decode, or a picture too big to open. */
export type FileErrorCode = 'UNREADABLE_FILE' | 'FILE_TOO_LARGE';

export type Problem =
  | { readonly source: 'engine'; readonly code: PoseErrorCode; readonly detail: string }
  | { readonly source: 'camera'; readonly code: CameraErrorCode; readonly detail: string }
  | { readonly source: 'file'; readonly code: FileErrorCode; readonly detail: string };
