import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { EngineModel, PoseFrame } from '../../pose/pose';
import type { PoseEngine } from '../../workers/client';
import { cameraProblem, cameraProblemOf, engineProblem } from '../problems';
import type { Problem } from '../problems';
import { drawFrame, drawPoses, fitStage, prepareCanvas } from '../render/skeleton';
import { FrameStatsWindow } from './frame-stats';

export type CameraState =
  | { readonly status: 'off' }
  | { readonly status: 'starting' }
  | {
      readonly status: 'live';
      /** Null until the first frame comes back from the engine. */
      readonly latest: {
        readonly people: number;
        readonly meanMs: number;
        readonly fps: number | null;
        readonly config: EngineModel;
      } | null;
      /** An engine failure on a live frame; sending stops until the engine changes. */
      readonly problem: Problem | null;
    }
  | { readonly status: 'error'; readonly problem: Problem };

/** The camera API, or null in browsers (or insecure pages) without it. */
function cameraApi(): MediaDevices | null {
  const devices = (navigator as { readonly mediaDevices?: Partial<MediaDevices> }).mediaDevices;
  return devices?.getUserMedia ? (devices as MediaDevices) : null;
}

/** One open camera and its frame loop. */
interface Session {
  readonly stream: MediaStream;
  readonly video: HTMLVideoElement;
  readonly stats: FrameStatsWindow;
  frameRequest: number;
  /** The engine holding a frame right now: frames are dropped, never queued, while it is busy. */
  busyEngine: PoseEngine | null;
  failedEngine: PoseEngine | null;
  lastFrame: PoseFrame | null;
  onEnded: () => void;
}

/**
 * Owns getUserMedia and the frame loop: draws the video mirrored (the drawing, not the
 * coordinates), sends frames to the engine as ImageBitmaps with at most one in flight, and draws
 * the latest skeleton over the video.
 */
export function useCamera(
  engine: PoseEngine | null,
  canvasRef: RefObject<HTMLCanvasElement | null>,
): {
  readonly state: CameraState;
  readonly start: () => Promise<void>;
  readonly stop: () => void;
} {
  const [state, setState] = useState<CameraState>({ status: 'off' });
  const engineRef = useRef(engine);
  const sessionRef = useRef<Session | null>(null);
  /** Bumped by every start and stop, so a late getUserMedia answer knows it is stale. */
  const attemptRef = useRef(0);

  useEffect(() => {
    engineRef.current = engine;
    sessionRef.current?.stats.clear();
  }, [engine]);

  const endSession = useCallback(() => {
    const session = sessionRef.current;
    sessionRef.current = null;
    if (!session) return;
    cancelAnimationFrame(session.frameRequest);
    for (const track of session.stream.getTracks()) {
      track.removeEventListener('ended', session.onEnded);
      track.stop();
    }
    session.video.srcObject = null;
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
  }, [canvasRef]);

  const stop = useCallback(() => {
    attemptRef.current++;
    endSession();
    setState({ status: 'off' });
  }, [endSession]);

  const start = useCallback(async () => {
    const attempt = ++attemptRef.current;
    endSession();
    const devices = cameraApi();
    if (!devices) {
      setState({ status: 'error', problem: cameraProblemOf('UNSUPPORTED') });
      return;
    }
    setState({ status: 'starting' });
    let stream: MediaStream;
    try {
      stream = await devices.getUserMedia({ video: true });
    } catch (error) {
      if (attempt === attemptRef.current)
        setState({ status: 'error', problem: cameraProblem(error) });
      return;
    }
    if (attempt !== attemptRef.current) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    const session: Session = {
      stream,
      video,
      stats: new FrameStatsWindow(),
      frameRequest: 0,
      busyEngine: null,
      failedEngine: null,
      lastFrame: null,
      onEnded: () => {
        if (sessionRef.current !== session) return;
        attemptRef.current++;
        endSession();
        setState({ status: 'error', problem: cameraProblemOf('CAMERA_LOST') });
      },
    };
    for (const track of stream.getVideoTracks()) {
      track.addEventListener('ended', session.onEnded);
    }
    sessionRef.current = session;
    setState({ status: 'live', latest: null, problem: null });

    const send = (current: PoseEngine): void => {
      session.busyEngine = current;
      createImageBitmap(video)
        .then((bitmap) => current.estimate(bitmap, performance.now(), 'video'))
        .then(
          (frame) => {
            if (session.busyEngine === current) session.busyEngine = null;
            if (sessionRef.current !== session || engineRef.current !== current) return;
            session.lastFrame = frame;
            const { meanMs, fps } = session.stats.add(frame.inferenceMs, performance.now());
            setState({
              status: 'live',
              latest: { people: frame.poses.length, meanMs, fps, config: current.info.config },
              problem: null,
            });
          },
          (error: unknown) => {
            if (session.busyEngine === current) session.busyEngine = null;
            if (sessionRef.current !== session || engineRef.current !== current) return;
            session.failedEngine = current;
            setState((previous) => ({
              status: 'live',
              latest: previous.status === 'live' ? previous.latest : null,
              problem: engineProblem(error, 'INFERENCE'),
            }));
          },
        );
    };

    const tick = (): void => {
      if (sessionRef.current !== session) return;
      const canvas = canvasRef.current;
      if (canvas && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth) {
        const imageSize = { width: video.videoWidth, height: video.videoHeight };
        const { size, transform } = fitStage(imageSize, true);
        const ctx = prepareCanvas(canvas, size);
        if (ctx) {
          drawFrame(ctx, video, transform);
          const last = session.lastFrame;
          if (last && last.imageSize.width === imageSize.width) {
            drawPoses(ctx, last.poses, transform);
          }
        }
        const current = engineRef.current;
        // A terminated engine never answers: only the current engine's frame blocks sending.
        if (current && session.busyEngine !== current && session.failedEngine !== current) {
          send(current);
        }
      }
      session.frameRequest = requestAnimationFrame(tick);
    };

    try {
      await video.play();
    } catch (error) {
      if (sessionRef.current === session) {
        attemptRef.current++;
        endSession();
        setState({ status: 'error', problem: cameraProblem(error) });
      }
      return;
    }
    if (sessionRef.current === session) session.frameRequest = requestAnimationFrame(tick);
  }, [canvasRef, endSession]);

  useEffect(() => endSession, [endSession]);

  return { state, start, stop };
}
