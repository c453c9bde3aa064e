/**
 * The sentences of the status area and readouts, in one place (the workout's words are in
 * content/). Codes come in (engine, camera, file); words
 * and what to do next go out.
 */
import type { EngineId, EngineModel, ModelId } from '../pose/pose';
import type { PoseErrorCode } from '../workers/errors';
import type { CameraErrorCode, FileErrorCode, Problem } from '../coach/problems';

/**
 * The largest picture (photo or animation) opened, in bytes (src/ui/media/decode.ts refuses bigger ones): a 48-megapixel phone JPEG is about
 * 20 MB; a bigger file would decode to gigabytes of pixels in the tab. Clips are not limited: a
 * video is read by seeking, never held whole.
 */
export const MAX_PICTURE_BYTES = 40 * 1024 * 1024;

export const PRIVACY_LINE = 'Frames never leave this device.';

export const ENGINE_LABELS: Readonly<Record<EngineId, string>> = {
  mediapipe: 'MediaPipe',
  movenet: 'MoveNet',
};

export const MODEL_LABELS: Readonly<Record<ModelId, string>> = {
  lite: 'lite',
  full: 'full',
  heavy: 'heavy',
  lightning: 'lightning',
  thunder: 'thunder',
};

/** What the engine picker says beside each model. */
export const MODEL_HINTS: Readonly<Record<ModelId, string>> = {
  lite: 'fastest',
  full: 'balanced',
  heavy: 'most accurate, slow',
  lightning: 'fast',
  thunder: 'more accurate',
};

export function engineName(config: EngineModel): string {
  return `${ENGINE_LABELS[config.engine]} · ${MODEL_LABELS[config.model]}`;
}

/** A status line: what happened, and what the person can do about it. */
export interface StatusMessage {
  readonly tone: 'info' | 'busy' | 'ok' | 'error';
  readonly text: string;
  readonly next?: string;
  /** 0-1 while something loads. */
  readonly progress?: number;
}

interface Wording {
  readonly text: string;
  readonly next: string;
}

const ENGINE_ERRORS: Readonly<Record<PoseErrorCode, Wording>> = {
  MODEL_LOAD: {
    text: 'The pose model could not be loaded.',
    next: 'Try the other engine in the menu above, or reload the page.',
  },
  WASM: {
    text: 'The pose engine’s runtime failed in this browser.',
    next: 'Press “Restart engine”, try the other engine, or use an up-to-date Chrome, Edge or Firefox.',
  },
  BAD_INPUT: {
    text: 'The engine could not read this picture.',
    next: 'Try another photo (JPEG or PNG), or restart the camera.',
  },
  NOT_READY: {
    text: 'The pose engine was not ready yet.',
    next: 'Wait for it to finish loading, then try again.',
  },
  INFERENCE: {
    text: 'The pose engine failed on this frame.',
    next: 'Try again; if it keeps failing, press “Restart engine” or pick a lighter model.',
  },
  WORKER_LOST: {
    text: 'The pose engine keeps crashing.',
    next: 'Press “Restart engine”, pick a lighter model or the other engine, or reload the page.',
  },
};

const CAMERA_ERRORS: Readonly<Record<CameraErrorCode, Wording>> = {
  UNSUPPORTED: {
    text: 'This browser cannot open a camera here.',
    next: 'Use an up-to-date Chrome, Edge, Firefox or Safari, over https (or on localhost).',
  },
  PERMISSION_DENIED: {
    text: 'Camera access was denied.',
    next: 'Click the camera icon in the address bar, allow the camera for this site, then press “Start camera” again.',
  },
  PERMISSION_DENIED_SYSTEM: {
    text: 'Your computer’s privacy settings block the camera for this browser.',
    next: 'Allow the browser in System Settings → Privacy → Camera (macOS) or Settings → Privacy → Camera (Windows), restart the browser, then press “Start camera”.',
  },
  NO_CAMERA: {
    text: 'No camera was found.',
    next: 'Connect a webcam (or check it is switched on), then press “Start camera”. You can also open a photo.',
  },
  CAMERA_BUSY: {
    text: 'The camera is busy in another app.',
    next: 'Close the other app or tab using it (video calls, camera apps), then press “Start camera”.',
  },
  OVERCONSTRAINED: {
    text: 'Your camera cannot provide the picture size this page asked for.',
    next: 'Try another camera, or press “Start camera” again.',
  },
  CAMERA_LOST: {
    text: 'The camera stopped: it was unplugged, switched off or its permission was withdrawn.',
    next: 'Reconnect it (or allow it again), then press “Start camera”.',
  },
  PROMPT_TIMEOUT: {
    text: 'The browser has not answered the camera request yet.',
    next: 'Look for a camera prompt near the address bar and choose “Allow”. If there is none, press “Starting…” to cancel, then “Start camera” again.',
  },
  CAMERA_FAILED: {
    text: 'The camera could not be started.',
    next: 'Reload the page and press “Start camera” again; if it still fails, restart the browser.',
  },
};

const FILE_ERRORS: Readonly<Record<FileErrorCode, Wording>> = {
  UNREADABLE_FILE: {
    text: 'This file could not be opened.',
    next: 'Open a JPEG, PNG, GIF, WebP or MP4 file.',
  },
  FILE_TOO_LARGE: {
    text: `This picture is too big to open here (over ${String(MAX_PICTURE_BYTES / 1024 / 1024)} MB).`,
    next: 'Open a smaller copy: a phone photo or a screenshot is plenty.',
  },
};

export function problemMessage(problem: Problem): StatusMessage {
  const wording =
    problem.source === 'engine'
      ? ENGINE_ERRORS[problem.code]
      : problem.source === 'camera'
        ? CAMERA_ERRORS[problem.code]
        : FILE_ERRORS[problem.code];
  return { tone: 'error', text: wording.text, next: wording.next };
}

export function loadingMessage(config: EngineModel, fraction: number): StatusMessage {
  return { tone: 'busy', text: `Loading ${engineName(config)}…`, progress: fraction };
}

export function readyMessage(config: EngineModel, loadMs: number): StatusMessage {
  return {
    tone: 'ok',
    text: `${engineName(config)} ready (loaded in ${formatSeconds(loadMs)}).`,
    next: 'Open a photo or start the camera.',
  };
}

export function photoShownMessage(name: string, config: EngineModel): StatusMessage {
  return {
    tone: 'ok',
    text: `${name}, seen by ${engineName(config)}.`,
    next: 'Pick another engine above to compare, open another photo, or start the camera.',
  };
}

export const CAMERA_STARTING: StatusMessage = {
  tone: 'busy',
  text: 'Starting the camera…',
  next: 'If the browser asks, allow the camera.',
};

/** The placement and form advice has its own place over the video; this card only says the camera works. */
export const CAMERA_LIVE: StatusMessage = {
  tone: 'ok',
  text: 'Camera on.',
  next: 'What the coach sees is written over the video. Frames stay on this device.',
};

export const PHOTO_WORKING: StatusMessage = { tone: 'busy', text: 'Looking for people…' };

export const CAMERA_BUTTON = { start: 'Start camera', stop: 'Stop camera', starting: 'Starting…' };
export const PHOTO_BUTTON = 'Open a photo';
export const PHOTO_BUTTON_HINT = 'JPEG, PNG, GIF, WebP or MP4';
export const RESTART_ENGINE = 'Restart engine';
export const STAGE_PLACEHOLDER =
  'Open a photo or start the camera: the skeleton the engine sees is drawn over it.';

export type FrameSource = 'photo' | 'clip' | 'camera';

/** What the person-count line says about the people found. */
export function peopleMessage(count: number, source: FrameSource): string {
  const where = source === 'camera' ? 'in view' : source === 'clip' ? 'in this clip' : '';
  if (count === 0) {
    return source === 'camera'
      ? 'No person in view: step back until your whole body is in the picture.'
      : `No person found in this ${source}: the whole body should be in view.`;
  }
  if (count === 1) return `1 person found${where ? ` ${where}` : ''}.`;
  return `${count} people found${where ? ` ${where}` : ''}: Plumbline coaches one person at a time, so only one should be in view.`;
}

/** "MediaPipe · full · 83 ms per frame · 12 fps" */
export function frameTimeText(config: EngineModel, ms: number, fps: number | null): string {
  const base = `${engineName(config)} · ${Math.round(ms)} ms per frame`;
  return fps === null ? base : `${base} · ${fps.toFixed(fps < 10 ? 1 : 0)} fps`;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function percent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)} %`;
}
