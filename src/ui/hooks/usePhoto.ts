import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { PoseFrame } from '../../pose/pose';
import type { PoseEngine } from '../../workers/client';
import { decodeFrames, mediaKind, tooLargeToOpen } from '../media/decode';
import { engineProblem, fileProblem } from '../problems';
import type { PhotoState } from '../../coach/sources';
import { drawFrame, drawPoses, fitStage, prepareCanvas } from '../render/skeleton';

export type { PhotoState };

/** A photo (not a clip) with the poses found in it, handed on for the posture check. */
export interface ShownStill {
  /** The caller's own copy: it must close it. */
  readonly image: ImageBitmap;
  readonly frame: PoseFrame;
  readonly file: File;
}

interface Tagged {
  readonly file: File;
  readonly engine: PoseEngine;
  readonly state: PhotoState;
}

/**
 * Shows an opened photo (or plays a GIF, WebP or MP4 clip once, at its own pace) with the skeleton
 * drawn over it. Re-runs the file when the engine changes, so engines can be compared on it.
 */
export function usePhoto(
  engine: PoseEngine | null,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  onStill?: (still: ShownStill) => void,
): {
  readonly state: PhotoState;
  readonly open: (file: File) => void;
  readonly clear: () => void;
} {
  const [file, setFile] = useState<File | null>(null);
  const [tagged, setTagged] = useState<Tagged | null>(null);
  const onStillRef = useRef(onStill);
  useEffect(() => {
    onStillRef.current = onStill;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!file || !engine || !canvas) return;
    let cancelled = false;
    const isCancelled = (): boolean => cancelled;
    const report = (state: PhotoState): void => {
      if (!cancelled) setTagged({ file, engine, state });
    };
    const handOn = (still: ShownStill): void => {
      if (cancelled || !onStillRef.current) still.image.close();
      else onStillRef.current(still);
    };
    void showFile(file, engine, canvas, isCancelled, report, handOn);
    return () => {
      cancelled = true;
    };
  }, [file, engine, canvasRef]);

  const open = useCallback((next: File) => {
    setFile(next);
  }, []);
  const clear = useCallback(() => {
    setFile(null);
  }, []);

  let state: PhotoState;
  if (!file) state = { status: 'empty' };
  else if (tagged?.file === file && tagged.engine === engine) state = tagged.state;
  else state = { status: 'working', name: file.name };
  return { state, open, clear };
}

async function showFile(
  file: File,
  engine: PoseEngine,
  canvas: HTMLCanvasElement,
  isCancelled: () => boolean,
  report: (state: PhotoState) => void,
  handOn: (still: ShownStill) => void,
): Promise<void> {
  const source = mediaKind(file.type, file.name) === 'image' ? 'photo' : 'clip';
  const mode = source === 'photo' ? 'image' : 'video';
  if (tooLargeToOpen(file.type, file.name, file.size)) {
    report({
      status: 'error',
      name: file.name,
      problem: { source: 'file', code: 'FILE_TOO_LARGE', detail: `${String(file.size)} bytes` },
    });
    return;
  }
  let stage: 'decode' | 'estimate' = 'decode';
  try {
    if (mode === 'video') await engine.reset();
    const startedAt = performance.now();
    let frames = 0;
    for await (const frame of decodeFrames(file, file.name)) {
      if (isCancelled()) {
        frame.bitmap.close();
        break;
      }
      // The worker takes (and closes) a copy; this one stays here to be drawn.
      const sent = await createImageBitmap(frame.bitmap);
      stage = 'estimate';
      const result = await engine.estimate(sent, frame.timestampMs, mode);
      stage = 'decode';
      const wait = startedAt + frame.timestampMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (isCancelled()) {
        frame.bitmap.close();
        break;
      }
      const { size, transform } = fitStage(result.imageSize, false);
      const ctx = prepareCanvas(canvas, size);
      if (ctx) {
        drawFrame(ctx, frame.bitmap, transform);
        drawPoses(ctx, result.poses, transform);
      }
      // A photo is kept for the posture check (which draws over this); a clip's frames are not.
      if (source === 'photo') handOn({ image: frame.bitmap, frame: result, file });
      else frame.bitmap.close();
      frames++;
      report({
        status: 'shown',
        name: file.name,
        source,
        people: result.poses.length,
        inferenceMs: result.inferenceMs,
        config: engine.info.config,
      });
    }
    if (frames === 0 && !isCancelled()) throw new Error(`${file.name} holds no frames.`);
  } catch (error) {
    const problem = stage === 'estimate' ? engineProblem(error, 'INFERENCE') : fileProblem(error);
    report({ status: 'error', name: file.name, problem });
  }
}
