import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineModel } from '../../pose/pose';
import type { FrameAnalysis } from '../../workers/client';
import {
  INITIAL_AUTO,
  autoModel,
  autoNextModel,
  autoPhase,
  stepAuto,
  switchAuto,
} from '../../coach/auto-engine';
import type { AutoPhase } from '../../coach/auto-engine';

export interface AutoEngine {
  /** The engine and model to load: Auto's choice when on, else the one picked by hand. */
  readonly config: EngineModel;
  /** The model Auto runs (whether or not Auto is on). */
  readonly pick: EngineModel;
  /** Whether Auto is still timing `pick`, keeps it, or switches to `next` after the set. */
  readonly phase: AutoPhase;
  readonly next: EngineModel | null;
  /**
   * Feed for the camera's analysed frames. A model switch decided during a set is made only once
   * the set is over (rest or the end), so a set is never interrupted by a model load.
   */
  readonly observe: (analysis: FrameAnalysis, inSet: boolean) => void;
}

/** "Auto" engine choice (auto-engine.ts): times the model on frames with a person in them. */
export function useAutoEngine(enabled: boolean, picked: EngineModel): AutoEngine {
  const [state, setState] = useState(INITIAL_AUTO);
  const stateRef = useRef(state);
  const enabledRef = useRef(enabled);
  useEffect(() => {
    enabledRef.current = enabled;
  });

  const observe = useCallback((analysis: FrameAnalysis, inSet: boolean) => {
    if (!enabledRef.current) return;
    const frame = analysis.frame;
    const timed =
      frame.poses.length > 0
        ? stepAuto(stateRef.current, frame, frame.inferenceMs)
        : stateRef.current;
    const next = inSet ? timed : switchAuto(timed);
    if (next !== stateRef.current) {
      stateRef.current = next;
      setState(next);
    }
  }, []);

  const pick = autoModel(state);
  return {
    config: enabled ? pick : picked,
    pick,
    phase: autoPhase(state),
    next: autoNextModel(state),
    observe,
  };
}
