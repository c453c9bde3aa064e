import type { EngineId, ModelId } from '../pose';
import { oriented, thresholdOf, withThresholds } from './decision';
import type { Exercise, ExerciseId } from './types';

/**
 * The engines whose readings the limits were not chosen on. Every limit and "can't judge" start in
 * the checkers was chosen on MediaPipe full's readings (docs/judgement.md); the heavy model reads
 * at least as well and keeps them. MoveNet thunder was not measured: it is given lightning's, the
 * widest measured, rather than full's.
 */
type LighterEngine = 'mediapipe-lite' | 'movenet';

/** Which engine and model read a frame or a recording. */
interface ReadBy {
  readonly engine: EngineId;
  readonly model: ModelId;
}

function lighterEngine(engine: ReadBy): LighterEngine | null {
  if (engine.engine === 'movenet') return 'movenet';
  return engine.model === 'lite' ? 'mediapipe-lite' : null;
}

/** An exercise's thresholds fields (a decision's `limit` or `unsureFrom`) with their values. */
type FieldValues = Readonly<Record<string, number>>;

/** The back's outline in every hip hinge, read through lite: its limits are the family's (pooled). */
const LITE_HINGE_BACK: FieldValues = {
  backRoundingDeg: 24,
  backRoundingUnsureDeg: 13,
  upperBackRoundingDeg: 31,
  upperBackRoundingUnsureDeg: 20,
  backArchDeg: 22,
  backArchUnsureDeg: 11,
};

/** The lean back at lockout in every hip hinge, read through MoveNet (pooled like the back's). */
const MOVENET_HINGE_LEAN: FieldValues = { leanBackDeg: 36, leanBackUnsureDeg: 25 };

/**
 * What the method of docs/judgement.md chooses on each lighter engine's own readings of every
 * labelled file, at the beginner strictness, where that is more lenient than full's: the same good
 * form reads worse through a lighter model, so its "can't judge" band starts later and its cue
 * sits further out. Measured with `npm run eval -- --model lite` and `-- --engine movenet`
 * (docs/judgement.md, Limits for the model that runs). Infinity: on that engine a single source
 * set good form's top, so the fault is never cued there, only answered "can't judge".
 */
export const LIGHTER_ENGINE_LIMITS: Readonly<
  Record<LighterEngine, Readonly<Partial<Record<ExerciseId, FieldValues>>>>
> = {
  'mediapipe-lite': {
    'dead-bug': { floorGapTorsos: 0.12, floorGapUnsureTorsos: 0.08 },
    plank: {
      backSagTorsos: 0.125,
      hipPikeDeg: 32,
      hipPikeUnsureDeg: 23,
      worldHipPikeDeg: 39,
      worldHipPikeUnsureDeg: 23,
    },
    deadlift: {
      ...LITE_HINGE_BACK,
      kneeToHipFlexion: 1.5,
      kneeToHipFlexionUnsure: 1.1,
      worldKneeToHipFlexion: 1.65,
      worldKneeToHipFlexionUnsure: 1.1,
    },
    rdl: { ...LITE_HINGE_BACK, worldKneeToHipFlexionUnsure: 0.35 },
    'kb-swing': LITE_HINGE_BACK,
  },
  movenet: {
    'glute-bridge': { hipsLowDeg: 36, hipsLowUnsureDeg: 25 },
    plank: { hipSagDeg: 26, hipPikeDeg: 31, hipPikeUnsureDeg: 21, headDropDeg: 26 },
    superman: { maxHeadExtensionDeg: Number.POSITIVE_INFINITY },
    deadlift: { ...MOVENET_HINGE_LEAN, kneeToHipFlexion: 1.65, kneeToHipFlexionUnsure: 1.25 },
    rdl: { ...MOVENET_HINGE_LEAN, kneeToHipFlexionUnsure: 0.6 },
    'kb-swing': { ...MOVENET_HINGE_LEAN, kneeToHipFlexion: 1.15, kneeToHipFlexionUnsure: 0.75 },
  },
};

/**
 * What to add to each listed field on this engine: its value there less the beginner one in the
 * code, where that is towards lenience (a lighter engine never judges more strictly than the one
 * the limits were chosen on). Two decisions may share a field; it moves once.
 */
function shifts(exercise: Exercise, engine: LighterEngine): ReadonlyMap<string, number> {
  const listed = LIGHTER_ENGINE_LIMITS[engine][exercise.id] ?? {};
  const moves = new Map<string, number>();
  for (const decision of exercise.decisions) {
    for (const field of [decision.limit, decision.unsureFrom]) {
      const value = listed[field];
      const inCode = thresholdOf(exercise.thresholds.beginner, field);
      if (value === undefined || inCode === null) continue;
      // Larger oriented limits cue later, so are more lenient.
      if (oriented(decision, value) > oriented(decision, inCode)) moves.set(field, value - inCode);
    }
  }
  return moves;
}

const adjusted = new WeakMap<Exercise, Map<LighterEngine, Exercise>>();

/**
 * The exercise as it judges frames from `engine`: on MediaPipe full or heavy, itself; on a
 * lighter engine, each decision's limit and "can't judge" start moved as far towards lenience as
 * that engine's own readings need (`LIGHTER_ENGINE_LIMITS`), by the same amount at both
 * strictnesses. The live worker and `judgeRecording` judge through it.
 */
export function forEngine(exercise: Exercise, engine: ReadBy): Exercise {
  const lighter = lighterEngine(engine);
  if (lighter === null) return exercise;
  const byEngine = adjusted.get(exercise) ?? new Map<LighterEngine, Exercise>();
  adjusted.set(exercise, byEngine);
  const known = byEngine.get(lighter);
  if (known) return known;
  const moves = shifts(exercise, lighter);
  const judged =
    moves.size === 0
      ? exercise
      : withThresholds(exercise, (strictness) => {
          const moved = new Map<string, number>();
          for (const [field, by] of moves) {
            const value = thresholdOf(exercise.thresholds[strictness], field);
            if (value !== null) moved.set(field, value + by);
          }
          return moved;
        });
  byEngine.set(lighter, judged);
  return judged;
}
