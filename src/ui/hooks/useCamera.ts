import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CameraFrame, FrameAnalysis, PoseEngine } from '../../workers/client';
import { PoseEngineError } from '../../workers/errors';
import { cameraProblem, cameraProblemOf, engineProblem } from '../problems';
import type { CameraState } from '../../coach/sources';
import { FrameStatsWindow, READOUT_REFRESH_MS } from '../../coach/frame-stats';
import { sentFrameTime } from '../../coach/frame-time';
import type { PresentedFrame, SentFrame } from '../../coach/frame-time';

/**
 * A permission prompt can sit unseen (behind a window, on another screen, or blocked by the
 * browser's quieter prompt UI) and getUserMedia then never settles. After this long we say so;
 * 12 s is well past the 1-3 s a real camera takes to open.
 */
export const CAMERA_PROMPT_TIMEOUT_MS = 12_000;

export type { CameraState };

export interface CameraDevice {
  readonly deviceId: string;
  readonly label: string;
}

export interface CameraOptions {
  /** The camera to open; null = the browser's default. */
  readonly deviceId?: string | null;
  /** While true, frames are not analysed (a paused set, a hidden tab). */
  readonly paused?: boolean;
  /** Every analysed frame; `coaching` is non-null while the engine coaches an exercise. */
  readonly onAnalysis?: (analysis: FrameAnalysis) => void;
}

/** The camera API, or null in browsers (or insecure pages) without it. */
function cameraApi(): MediaDevices | null {
  const devices = (navigator as { readonly mediaDevices?: Partial<MediaDevices> }).mediaDevices;
  return devices?.getUserMedia ? (devices as MediaDevices) : null;
}

/**
 * The video's current frame for the worker: a VideoFrame holds the camera's picture without a copy
 * here, where createImageBitmap would copy it on the page's thread (issue #15); the bitmap is made
 * in the worker. Browsers without WebCodecs (or a video it refuses) copy it here instead.
 */
function cameraFrame(video: HTMLVideoElement): Promise<CameraFrame> {
  if (typeof VideoFrame === 'function') {
    try {
      return Promise.resolve(new VideoFrame(video));
    } catch {
      // Fall through to the copy.
    }
  }
  return createImageBitmap(video);
}

/** A VideoFrame's own media time in ms (its timestamp is in µs); a bitmap copy has none. */
function mediaTimeMs(frame: CameraFrame): number | null {
  return 'timestamp' in frame ? frame.timestamp / 1000 : null;
}

/** What requestVideoFrameCallback says of a presented frame, in the units frame-time.ts takes. */
function presentedFrame(metadata: VideoFrameCallbackMetadata): PresentedFrame {
  return {
    captureTimeMs: metadata.captureTime,
    presentationTimeMs: metadata.presentationTime,
    mediaTimeMs: metadata.mediaTime * 1000,
  };
}

/** One open camera and its capture loop. */
interface Session {
  readonly stream: MediaStream;
  readonly video: HTMLVideoElement;
  readonly stats: FrameStatsWindow;
  /** The readout last shown: its numbers are shown afresh every READOUT_REFRESH_MS. */
  readout: { readonly people: number; readonly engine: PoseEngine; readonly atMs: number } | null;
  /** Cancels the pending look at the video (an animation or video frame callback). */
  stopLooking: () => void;
  /** A frame the video presented, from requestVideoFrameCallback: the latest it told of. */
  presented: PresentedFrame | null;
  /** The frame last sent to an engine: no frame is sent twice (src/coach/frame-time.ts). */
  lastSent: SentFrame | null;
  /** The engine holding a frame right now: frames are dropped, never queued, while it is busy. */
  busyEngine: PoseEngine | null;
  failedEngine: PoseEngine | null;
  onEnded: () => void;
}

async function listCameras(devices: MediaDevices): Promise<CameraDevice[]> {
  try {
    const all = await devices.enumerateDevices();
    return all
      .filter((device) => device.kind === 'videoinput' && device.deviceId !== '')
      .map((device, i) => ({
        deviceId: device.deviceId,
        label: device.label || `Camera ${i + 1}`,
      }));
  } catch {
    return [];
  }
}

/**
 * Owns getUserMedia and the capture loop: sends frames to the engine (cameraFrame) with at most
 * one in flight, and keeps the latest analysis. Drawing is useStageDrawing's. Lists the cameras
 * once one is open (labels need permission).
 */
export function useCamera(
  engine: PoseEngine | null,
  options: CameraOptions = {},
): {
  readonly state: CameraState;
  /** The open camera's video, to draw; null when none is open. */
  readonly video: HTMLVideoElement | null;
  /** The current engine's latest analysis of this camera's frames, or null. */
  readonly analysis: FrameAnalysis | null;
  readonly devices: readonly CameraDevice[];
  /** The camera actually open, when the browser says. */
  readonly activeDeviceId: string | null;
  /** Opens the camera (again); `deviceId` overrides the option, e.g. just picked. */
  readonly start: (deviceId?: string | null) => Promise<void>;
  readonly stop: () => void;
  /** The frame on screen now, unmirrored, as the caller's own bitmap; null when none is live. */
  readonly grabFrame: () => Promise<ImageBitmap | null>;
} {
  const [state, setState] = useState<CameraState>({ status: 'off' });
  const [devices, setDevices] = useState<readonly CameraDevice[]>([]);
  const [activeDeviceId, setActiveDeviceId] = useState<string | null>(null);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  /** The latest analysis and the engine that made it: another engine's is not shown. */
  const [latest, setLatest] = useState<{
    readonly engine: PoseEngine;
    readonly analysis: FrameAnalysis;
  } | null>(null);
  const engineRef = useRef(engine);
  const optionsRef = useRef(options);
  const sessionRef = useRef<Session | null>(null);
  /** Bumped by every start and stop, so a late getUserMedia answer knows it is stale. */
  const attemptRef = useRef(0);

  useEffect(() => {
    optionsRef.current = options;
  });

  useEffect(() => {
    engineRef.current = engine;
    const session = sessionRef.current;
    if (!session) return;
    session.stats.clear();
    session.readout = null;
  }, [engine]);

  useEffect(() => {
    const api = cameraApi();
    if (!api || typeof api.addEventListener !== 'function') return;
    const refresh = (): void => {
      void listCameras(api).then(setDevices);
    };
    api.addEventListener('devicechange', refresh);
    return () => {
      api.removeEventListener('devicechange', refresh);
    };
  }, []);

  const endSession = useCallback(() => {
    const session = sessionRef.current;
    sessionRef.current = null;
    if (!session) return;
    session.stopLooking();
    for (const track of session.stream.getTracks()) {
      track.removeEventListener('ended', session.onEnded);
      track.stop();
    }
    session.video.srcObject = null;
    setVideo(null);
    setLatest(null);
  }, []);

  const stop = useCallback(() => {
    attemptRef.current++;
    endSession();
    setState({ status: 'off' });
  }, [endSession]);

  const start = useCallback(
    async (deviceOverride?: string | null) => {
      const attempt = ++attemptRef.current;
      endSession();
      const api = cameraApi();
      if (!api) {
        setState({ status: 'error', problem: cameraProblemOf('UNSUPPORTED') });
        return;
      }
      setState({ status: 'starting', problem: null });
      const slow = setTimeout(() => {
        if (attempt === attemptRef.current) {
          setState({ status: 'starting', problem: cameraProblemOf('PROMPT_TIMEOUT') });
        }
      }, CAMERA_PROMPT_TIMEOUT_MS);
      const deviceId =
        deviceOverride === undefined ? (optionsRef.current.deviceId ?? null) : deviceOverride;
      let stream: MediaStream;
      try {
        // Plain `true` otherwise: size or rate constraints make browsers crop and scale.
        stream = await api.getUserMedia({
          video: deviceId ? { deviceId: { ideal: deviceId } } : true,
        });
      } catch (error) {
        if (attempt === attemptRef.current) {
          setState({ status: 'error', problem: cameraProblem(error) });
        }
        return;
      } finally {
        clearTimeout(slow);
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
        readout: null,
        stopLooking: () => undefined,
        presented: null,
        lastSent: null,
        busyEngine: null,
        failedEngine: null,
        onEnded: () => {
          if (sessionRef.current !== session) return;
          attemptRef.current++;
          endSession();
          setState({ status: 'error', problem: cameraProblemOf('CAMERA_LOST') });
        },
      };
      for (const track of stream.getVideoTracks()) {
        track.addEventListener('ended', session.onEnded);
        setActiveDeviceId(track.getSettings().deviceId ?? null);
      }
      sessionRef.current = session;
      setState({ status: 'live', latest: null, problem: null });
      void listCameras(api).then(setDevices);

      const send = (current: PoseEngine): void => {
        session.busyEngine = current;
        const grabbing = cameraFrame(video);
        // Read after the grab: a frame the camera delivered while the grab waited (a busy machine
        // can pause this thread between the two lines) was taken before it, never after.
        const grabbedAtMs = performance.now();
        grabbing
          .then((frame) => {
            // Stamped with when the camera took it, not when the page got to it (frame-time.ts).
            const time = sentFrameTime(
              { presented: session.presented, mediaTimeMs: mediaTimeMs(frame), nowMs: grabbedAtMs },
              session.lastSent,
            );
            if (!time) {
              // The frame last sent, still shown: not analysed again (lookAtNextFrame below).
              frame.close();
              return null;
            }
            session.lastSent = time;
            return current.analyse(frame, time.atMs, 'video');
          })
          .then(
            (analysis) => {
              if (session.busyEngine === current) session.busyEngine = null;
              if (analysis) lookAgain();
              else lookAtNextFrame();
              if (!analysis || sessionRef.current !== session || engineRef.current !== current) {
                return;
              }
              const frame = analysis.frame;
              const nowMs = performance.now();
              const { meanMs, fps } = session.stats.add(frame.inferenceMs, nowMs);
              const people = frame.poses.length;
              const shown = session.readout;
              // A change in who is in view is shown at once; the speed's digits at a readable pace.
              const readoutDue =
                !shown ||
                shown.people !== people ||
                shown.engine !== current ||
                nowMs - shown.atMs >= READOUT_REFRESH_MS;
              // One render, in this task, with the workout's frame (onAnalysis): the skeleton is
              // drawn with the cue of its own frame, and the next display frame shows both (React
              // would otherwise render in a task of its own, and the page would paint twice).
              flushSync(() => {
                setLatest({ engine: current, analysis });
                if (readoutDue) {
                  session.readout = { people, engine: current, atMs: nowMs };
                  setState({
                    status: 'live',
                    latest: { people, meanMs, fps, config: current.info.config },
                    problem: null,
                  });
                }
                optionsRef.current.onAnalysis?.(analysis);
              });
            },
            (error: unknown) => {
              if (session.busyEngine === current) session.busyEngine = null;
              lookAgain();
              if (sessionRef.current !== session || engineRef.current !== current) return;
              session.failedEngine = current;
              session.readout = null;
              // A lost worker is replaced by the engine hook, which says so; not a frame's fault.
              if (error instanceof PoseEngineError && error.code === 'WORKER_LOST') return;
              setState((previous) => ({
                status: 'live',
                latest: previous.status === 'live' ? previous.latest : null,
                problem: engineProblem(error, 'INFERENCE'),
              }));
            },
          );
      };

      /**
       * Sends the camera's frame as soon as the engine can take one; until then it looks again
       * every animation frame. While a frame is in the worker nothing runs here: its answer or
       * failure looks again (a replaced engine is terminated, which fails its calls at once), so
       * the page stays idle between results (issue #15).
       */
      function tick(): void {
        if (sessionRef.current !== session) return;
        const current = engineRef.current;
        // Only the current engine's frame blocks sending.
        if (
          video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA &&
          video.videoWidth &&
          !optionsRef.current.paused &&
          current &&
          session.busyEngine !== current &&
          session.failedEngine !== current
        ) {
          send(current);
          return;
        }
        lookAgain();
      }

      /** At the next animation frame: the answer's own task has ended, and a new frame is shown. */
      function lookAgain(): void {
        session.stopLooking();
        const request = requestAnimationFrame(tick);
        session.stopLooking = () => {
          cancelAnimationFrame(request);
        };
      }

      /**
       * When the video presents its next frame, whose requestVideoFrameCallback times are kept for
       * stamping frames (frame-time.ts): at the start, and when the frame on show was the one last
       * sent. Browsers without that callback look at the next animation frame instead.
       */
      function lookAtNextFrame(): void {
        if (!('requestVideoFrameCallback' in video)) {
          lookAgain();
          return;
        }
        session.stopLooking();
        const request = video.requestVideoFrameCallback((_now, metadata) => {
          session.presented = presentedFrame(metadata);
          tick();
        });
        session.stopLooking = () => {
          video.cancelVideoFrameCallback(request);
        };
      }

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
      if (sessionRef.current !== session) return;
      setVideo(video);
      lookAtNextFrame();
    },
    [endSession],
  );

  const grabFrame = useCallback(async (): Promise<ImageBitmap | null> => {
    const video = sessionRef.current?.video;
    if (!video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) {
      return null;
    }
    return createImageBitmap(video);
  }, []);

  useEffect(() => endSession, [endSession]);

  const analysis = latest?.engine === engine ? latest.analysis : null;
  return { state, video, analysis, devices, activeDeviceId, start, stop, grabFrame };
}
