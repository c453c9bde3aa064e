/** Decides what the one status area and the readout say, from the hooks' states. Pure. */
import type { CameraState, EngineState, PhotoState } from './sources';
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
} from '../content/messages';
import type { StatusMessage } from '../content/messages';
import type { Problem } from './problems';
import { RESTARTING_ENGINE } from '../content/robustness';
import { otherEngine } from './engine-recovery';
import type { EngineModel } from '../pose/pose';

export interface Status extends StatusMessage {
  /** Offer to start the engine again (a fresh worker). */
  readonly canRestartEngine: boolean;
  /** Offer to switch to this engine instead (the current one's model would not load). */
  readonly otherEngine: EngineModel | null;
}

function fromProblem(problem: Problem, config: EngineModel): Status {
  return {
    ...problemMessage(problem),
    canRestartEngine: problem.source === 'engine',
    otherEngine:
      problem.source === 'engine' && problem.code === 'MODEL_LOAD' ? otherEngine(config) : null,
  };
}

function plain(message: StatusMessage): Status {
  return { ...message, canRestartEngine: false, otherEngine: null };
}

export function pickStatus(engine: EngineState, photo: PhotoState, camera: CameraState): Status {
  const config = engine.config;
  if (camera.status === 'error') return fromProblem(camera.problem, config);
  if (camera.status === 'live' && camera.problem) return fromProblem(camera.problem, config);
  if (camera.status === 'starting' && camera.problem) return fromProblem(camera.problem, config);
  if (photo.status === 'error') return fromProblem(photo.problem, config);
  if (engine.status === 'error') return fromProblem(engine.problem, config);
  if (engine.status === 'loading' && engine.restarting) return plain(RESTARTING_ENGINE);
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
