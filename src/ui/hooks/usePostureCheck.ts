import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Strictness } from '../../pose/exercises/types';
import type { PoseFrame } from '../../pose/pose';
import type { PostureCheck } from '../../pose/posture-measures';
import { StorageError, addSnapshot, toStorageError } from '../../storage';
import type { SnapshotSource } from '../../storage';
import type { PoseEngine } from '../../workers/client';
import { markLabel } from '../../content/posture-check';
import type { CountdownSeconds } from '../../coach/posture/countdown';
import { msToNextTick, secondsLeft } from '../../coach/posture/countdown';
import { THUMBNAIL_JPEG_QUALITY, snapshotOf, thumbnailSize } from '../../coach/posture/snapshot';
import { engineProblem } from '../problems';
import type { Problem } from '../../coach/problems';
import { drawPostureCheck } from '../render/posture';
import { fitStage, prepareCanvas } from '../render/skeleton';
import type { CameraState } from './useCamera';
import type { ShownStill } from './usePhoto';
import type { StorageState } from './useStorage';

export type SnapshotSaving =
  /** Nothing measured, so nothing to keep. */
  | { readonly status: 'nothing' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly id: string }
  /** Storage full or unavailable: the picture stays on screen and can still be downloaded. */
  | { readonly status: 'failed'; readonly message: string };

export type PostureCaptureState =
  | { readonly status: 'idle' }
  /** `left` is null until the camera shows a picture (the countdown starts then). */
  | {
      readonly status: 'countdown';
      readonly seconds: CountdownSeconds;
      readonly left: number | null;
    }
  | { readonly status: 'measuring' }
  | {
      readonly status: 'done';
      readonly source: SnapshotSource;
      readonly check: PostureCheck;
      readonly saving: SnapshotSaving;
    }
  | { readonly status: 'failed'; readonly problem: Problem };

const IDLE: PostureCaptureState = { status: 'idle' };

/** The camera controls the posture check borrows from `useCamera` (one camera path). */
export interface PostureCamera {
  readonly state: CameraState;
  readonly start: () => Promise<void>;
  readonly stop: () => void;
  readonly grabFrame: () => Promise<ImageBitmap | null>;
}

interface Options {
  readonly engine: PoseEngine | null;
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly camera: PostureCamera;
  readonly storage: StorageState;
  readonly strictness: Strictness;
  /** After a snapshot is stored, so the list can read it. */
  readonly onSaved: () => void;
}

function thumbnailOf(canvas: HTMLCanvasElement): string | null {
  const size = thumbnailSize({ width: canvas.width, height: canvas.height });
  const small = document.createElement('canvas');
  small.width = size.width;
  small.height = size.height;
  const ctx = small.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(canvas, 0, 0, size.width, size.height);
  return small.toDataURL('image/jpeg', THUMBNAIL_JPEG_QUALITY);
}

/**
 * The posture check: a countdown photo from the camera or an opened photo, measured, drawn with its
 * plumb line and angles on the stage canvas, and stored as a snapshot (a thumbnail and the
 * numbers). A photo is stored once, even when a new engine measures it again.
 */
export function usePostureCheck({
  engine,
  canvasRef,
  camera,
  storage,
  strictness,
  onSaved,
}: Options) {
  const [state, setState] = useState<PostureCaptureState>({ status: 'idle' });
  const live = useRef({ engine, camera, storage, strictness, onSaved });
  useEffect(() => {
    live.current = { engine, camera, storage, strictness, onSaved };
  });
  /** Bumped by every new capture or clear, so a late answer knows it is stale. */
  const attempt = useRef(0);
  const savedKey = useRef<unknown>(null);
  const countdownStart = useRef<number | null>(null);

  const show = useCallback(
    async (
      image: ImageBitmap,
      frame: PoseFrame,
      source: SnapshotSource,
      key: unknown,
    ): Promise<void> => {
      const mine = attempt.current;
      const { strictness: level, engine: current } = live.current;
      const fail = (problem: Problem): void => {
        image.close();
        if (attempt.current === mine) setState({ status: 'failed', problem });
      };
      if (!current) {
        fail(engineProblem(null, 'NOT_READY'));
        return;
      }
      let check: PostureCheck;
      try {
        // The check runs in the worker: the page never loads the wall-posture checker.
        check = await current.checkPosture(frame, level);
      } catch (error) {
        fail(engineProblem(error, 'INFERENCE'));
        return;
      }
      if (attempt.current !== mine) {
        image.close();
        return;
      }
      const canvas = canvasRef.current;
      const store = live.current.storage;
      if (canvas) {
        const { size, transform } = fitStage(frame.imageSize, false);
        const ctx = prepareCanvas(canvas, size);
        if (ctx) {
          drawPostureCheck(ctx, image, frame, check, transform, {
            labelOf: (measure) => markLabel(check, measure),
            flagged: (measure) =>
              check.status === 'ok' &&
              check.readings[measure].kind === 'measured' &&
              check.readings[measure].flagged,
          });
        }
      }
      image.close();
      const record = snapshotOf(check, source, canvas ? thumbnailOf(canvas) : null);
      const done = (saving: SnapshotSaving): void => {
        setState({ status: 'done', source, check, saving });
      };
      if (!record) {
        done({ status: 'nothing' });
        return;
      }
      if (key === savedKey.current) {
        // The same photo measured again (another engine): shown, not stored twice.
        setState((previous) =>
          previous.status === 'done'
            ? { ...previous, check }
            : { status: 'done', source, check, saving: { status: 'nothing' } },
        );
        return;
      }
      savedKey.current = key;
      if (store.status !== 'ready') {
        const message =
          store.status === 'error' ? store.error.message : 'The saved data is not open yet.';
        done({ status: 'failed', message });
        return;
      }
      done({ status: 'saving' });
      addSnapshot(store.db, record).then(
        (saved) => {
          live.current.onSaved();
          if (attempt.current === mine) done({ status: 'saved', id: saved.id });
        },
        (error: unknown) => {
          const failure = error instanceof StorageError ? error : toStorageError(error, 'snapshot');
          if (attempt.current === mine) done({ status: 'failed', message: failure.message });
        },
      );
    },
    [canvasRef],
  );

  /** For `usePhoto`: an opened photo, already measured by the engine. */
  const onStill = useCallback(
    (still: ShownStill) => {
      attempt.current++;
      void show(still.image, still.frame, 'photo', still.file);
    },
    [show],
  );

  const capture = useCallback(async () => {
    const mine = ++attempt.current;
    // Before anything awaits, so the countdown does not read the camera stopping as a failure.
    setState({ status: 'measuring' });
    const { camera: cam, engine: current } = live.current;
    const image = await cam.grabFrame();
    cam.stop();
    if (!image) {
      if (attempt.current === mine) setState({ status: 'idle' });
      return;
    }
    if (!current) {
      // The engine is (re)loading: say so rather than dropping the photo without a word.
      image.close();
      if (attempt.current === mine) {
        setState({ status: 'failed', problem: engineProblem(null, 'NOT_READY') });
      }
      return;
    }
    try {
      const sent = await createImageBitmap(image);
      const frame = await current.estimate(sent, performance.now(), 'image');
      if (attempt.current !== mine) {
        image.close();
        return;
      }
      await show(image, frame, 'camera', Symbol('camera capture'));
    } catch (error) {
      image.close();
      if (attempt.current === mine) {
        setState({ status: 'failed', problem: engineProblem(error, 'INFERENCE') });
      }
    }
  }, [show]);

  const startCountdown = useCallback((seconds: CountdownSeconds) => {
    attempt.current++;
    countdownStart.current = null;
    setState({ status: 'countdown', seconds, left: null });
    const cam = live.current.camera;
    if (cam.state.status !== 'live') void cam.start();
  }, []);

  const clear = useCallback(() => {
    attempt.current++;
    countdownStart.current = null;
    setState({ status: 'idle' });
  }, []);

  const cancel = useCallback(() => {
    clear();
    live.current.camera.stop();
  }, [clear]);

  // The countdown runs once the camera shows a picture: every tick is a timer, so the number on
  // screen changes on the second.
  const cameraStatus = camera.state.status;
  useEffect(() => {
    if (state.status !== 'countdown' || cameraStatus !== 'live') return;
    const now = performance.now();
    countdownStart.current ??= now;
    const started = countdownStart.current;
    const { seconds } = state;
    const wait = state.left === null ? 0 : msToNextTick(started, now, seconds);
    const timer = setTimeout(() => {
      const left = secondsLeft(started, performance.now(), seconds);
      if (left === 0) void capture();
      else
        setState((previous) =>
          previous.status === 'countdown' ? { ...previous, left } : previous,
        );
    }, wait);
    return () => {
      clearTimeout(timer);
    };
  }, [state, cameraStatus, capture]);

  /** Saves the annotated picture as a PNG file. */
  const download = useCallback(() => {
    const canvas = canvasRef.current;
    canvas?.toBlob((blob) => {
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `posture-check-${new Date().toISOString().slice(0, 16).replace(':', '-')}.png`;
      link.click();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 0);
    }, 'image/png');
  }, [canvasRef]);

  // A camera error (or the camera stopped) ends the countdown; the status area says why, in the
  // camera's own words.
  const stalled =
    state.status === 'countdown' &&
    (cameraStatus === 'error' || (cameraStatus === 'off' && state.left !== null));
  return { state: stalled ? IDLE : state, startCountdown, cancel, clear, onStill, download };
}
