/** Decides what the one status area and the readout say, from the hooks' states. Pure. */
import type { CameraState } from './hooks/useCamera';
import type { PhotoState } from './hooks/usePhoto';
import type { EngineState } from './hooks/usePoseEngine';
import {
  CAMERA_LIVE,
  CAMERA_STARTING,
  PHOTO_WORKING,
  engineName,
  frameTimeText,
  loadingMessage,
  peopleMessage,
  photoShownMessage,
  problemMessage,
  readyMessage,
} from './messages';
import type { StatusMessage } from './messages';
import type { Problem } from './problems';

export interface Status extends StatusMessage {
  /** Offer to start the engine again (a fresh worker). */
  readonly canRestartEngine: boolean;
}

function fromProblem(problem: Problem): Status {
  return { ...problemMessage(problem), canRestartEngine: problem.source === 'engine' };
}

function plain(message: StatusMessage): Status {
  return { ...message, canRestartEngine: false };
}

export function pickStatus(engine: EngineState, photo: PhotoState, camera: CameraState): Status {
  if (camera.status === 'error') return fromProblem(camera.problem);
  if (camera.status === 'live' && camera.problem) return fromProblem(camera.problem);
  if (camera.status === 'starting' && camera.problem) return fromProblem(camera.problem);
  if (photo.status === 'error') return fromProblem(photo.problem);
  if (engine.status === 'error') return fromProblem(engine.problem);
  if (engine.status === 'loading') return plain(loadingMessage(engine.config, engine.fraction));
  if (camera.status === 'starting') return plain(CAMERA_STARTING);
  if (photo.status === 'working') return plain(PHOTO_WORKING);
  if (camera.status === 'live') return plain(CAMERA_LIVE);
  if (photo.status === 'shown') return plain(photoShownMessage(photo.name, photo.config));
  return plain(readyMessage(engine.config, engine.loadMs));
}

export interface Readout {
  readonly people: { readonly count: number; readonly text: string } | null;
  readonly frameTime: { readonly ms: number | null; readonly text: string };
}

export function pickReadout(engine: EngineState, photo: PhotoState, camera: CameraState): Readout {
  if (camera.status === 'live' && camera.latest) {
    const { people, meanMs, fps, config } = camera.latest;
    return {
      people: { count: people, text: peopleMessage(people, 'camera') },
      frameTime: { ms: meanMs, text: frameTimeText(config, meanMs, fps) },
    };
  }
  if (camera.status !== 'live' && photo.status === 'shown') {
    return {
      people: { count: photo.people, text: peopleMessage(photo.people, photo.source) },
      frameTime: {
        ms: photo.inferenceMs,
        text: frameTimeText(photo.config, photo.inferenceMs, null),
      },
    };
  }
  return {
    people: null,
    frameTime: { ms: null, text: `${engineName(engine.config)} · – ms per frame` },
  };
}
