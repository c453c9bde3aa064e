import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineModel } from '../../pose/pose';
import type { FrameAnalysis } from '../../workers/client';
import {
  AUTO_LADDER,
  AUTO_START_RUNG,
  INITIAL_AUTO,
  autoModel,
  stepAuto,
} from '../../coach/auto-engine';
import type { AutoState } from '../../coach/auto-engine';

export interface AutoEngine {
  /** The engine and model to load: Auto's choice when on, else the one picked by hand. */
  readonly config: EngineModel;
  /** The model Auto runs (whether or not Auto is on). */
  readonly pick: EngineModel;
  /** Auto's state (whether it is still measuring). */
  readonly state: AutoState;
  /**
   * Feed for the camera's analysed frames. A better model found during a set is loaded only once
   * the set is over (rest or the end), so a set is never interrupted by a model load.
   */
  readonly observe: (analysis: FrameAnalysis, inSet: boolean) => void;
}

/** "Auto" engine choice (auto-engine.ts): times the model on frames with a person in them. */
export function useAutoEngine(enabled: boolean, picked: EngineModel): AutoEngine {
  const [state, setState] = useState<AutoState>(INITIAL_AUTO);
  const [appliedRung, setAppliedRung] = useState(AUTO_START_RUNG);
  const stateRef = useRef(state);
  const enabledRef = useRef(enabled);
  useEffect(() => {
    enabledRef.current = enabled;
  });

  const observe = useCallback((analysis: FrameAnalysis, inSet: boolean) => {
    if (!enabledRef.current) return;
    const frame = analysis.frame;
    const next =
      frame.poses.length > 0
        ? stepAuto(stateRef.current, frame, frame.inferenceMs)
        : stateRef.current;
    if (next !== stateRef.current) {
      stateRef.current = next;
      setState(next);
    }
    if (!inSet) setAppliedRung(next.rung);
  }, []);

  const pick = AUTO_LADDER[appliedRung] ?? autoModel(state);
  return { config: enabled ? pick : picked, pick, state, observe };
}
