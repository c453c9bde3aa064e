import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Strictness } from '../../pose/exercises/types';
import type { FrameAnalysis, PoseEngine } from '../../workers/client';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { announcementText, cueText } from '../../content/workout';
import type { SetPlan } from '../../coach/workout/plan';
import { INITIAL_WORKOUT, inSet, stepWorkout } from '../../coach/workout/workout';
import type { PauseReason, WorkoutExercise, WorkoutState } from '../../coach/workout/workout';
import type { CameraState } from './useCamera';

/** How often the rest timer is updated, in ms: smooth enough for a seconds display. */
const REST_TICK_MS = 250;

export interface WorkoutControls {
  readonly state: WorkoutState;
  readonly start: (exercise: WorkoutExercise, plan: SetPlan) => void;
  readonly pause: (reason: PauseReason) => void;
  readonly resume: () => void;
  readonly endSet: () => void;
  readonly skipRest: () => void;
  readonly stop: () => void;
  /** Pauses a set when the camera fails or is lost, resumes when it is live again. */
  readonly onCameraStatus: (status: CameraState['status']) => void;
  /** Feed for the camera's analysed frames. */
  readonly onAnalysis: (analysis: FrameAnalysis) => void;
}

/**
 * Owns the workout's side effects around the pure state machine (workout/workout.ts): coaching on
 * the engine, the rest clock, pausing when the tab is hidden or the camera is lost, and speaking
 * cues and announcements.
 */
export function useWorkout(
  engine: PoseEngine | null,
  strictness: Strictness,
  speak: (text: string) => void,
): WorkoutControls {
  const [state, dispatch] = useReducer(stepWorkout, INITIAL_WORKOUT);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  // The worker coaches the workout's exercise; a new workout (a new exercise object) starts afresh.
  const exercise = state.phase === 'idle' ? null : state.exercise;
  useEffect(() => {
    if (!engine) return;
    const request = exercise ? { exercise: exercise.id, strictness } : null;
    engine.startCoaching(request).catch(() => undefined);
  }, [engine, exercise, strictness]);

  const resting = state.phase === 'resting';
  useEffect(() => {
    if (!resting) return;
    const timer = setInterval(() => {
      dispatch({ type: 'tick', tMs: performance.now() });
    }, REST_TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [resting]);

  useEffect(() => {
    const onVisibility = (): void => {
      const now = performance.now();
      if (document.hidden) dispatch({ type: 'pause', reason: 'hidden', tMs: now });
      else if (stateRef.current.paused?.reason === 'hidden') dispatch({ type: 'resume', tMs: now });
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const content = state.exercise ? EXERCISE_CONTENT[state.exercise.id] : null;
  const spokenSeq = state.cue.spoken?.seq ?? 0;
  const spokenRef = useRef(0);
  useEffect(() => {
    const spoken = stateRef.current.cue.spoken;
    if (!spoken || spokenSeq === spokenRef.current) return;
    spokenRef.current = spokenSeq;
    speak(cueText(spoken.cue, content));
  }, [spokenSeq, speak, content]);

  const announcedSeq = state.announcement?.seq ?? 0;
  const announcedRef = useRef(0);
  useEffect(() => {
    const announcement = stateRef.current.announcement;
    if (!announcement || announcedSeq === announcedRef.current) return;
    announcedRef.current = announcedSeq;
    speak(announcementText(announcement.what));
  }, [announcedSeq, speak]);

  const onAnalysis = useCallback((analysis: FrameAnalysis) => {
    if (analysis.coaching) {
      dispatch({
        type: 'frame',
        coaching: analysis.coaching,
        tMs: analysis.frame.timestampMs,
        brightness: analysis.brightness,
        imageSize: analysis.frame.imageSize,
      });
    }
  }, []);

  const onCameraStatus = useCallback((status: CameraState['status']) => {
    const current = stateRef.current;
    const now = performance.now();
    if (status === 'error' && inSet(current) && current.paused?.reason !== 'camera') {
      dispatch({ type: 'pause', reason: 'camera', tMs: now });
    } else if (status === 'live' && current.paused?.reason === 'camera') {
      dispatch({ type: 'resume', tMs: now });
    }
  }, []);

  return {
    state,
    onAnalysis,
    onCameraStatus,
    start: useCallback((exercise: WorkoutExercise, plan: SetPlan) => {
      dispatch({ type: 'start', exercise, plan, tMs: performance.now() });
    }, []),
    pause: useCallback((reason: PauseReason) => {
      dispatch({ type: 'pause', reason, tMs: performance.now() });
    }, []),
    resume: useCallback(() => {
      dispatch({ type: 'resume', tMs: performance.now() });
    }, []),
    endSet: useCallback(() => {
      dispatch({ type: 'end-set', tMs: performance.now() });
    }, []),
    skipRest: useCallback(() => {
      dispatch({ type: 'skip-rest', tMs: performance.now() });
    }, []),
    stop: useCallback(() => {
      dispatch({ type: 'stop' });
    }, []),
  };
}
