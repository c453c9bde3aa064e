import { unsureBetween } from './decision';
import type { FaultDecision } from './decision';
import {
  LIFT_ENTER_TOP_DEG,
  LIFT_EXIT_TOP_DEG,
  SUPERMAN_DECISIONS,
  SUPERMAN_LIMITS,
  SUPERMAN_REQUIRED,
  headExtensionDeg,
  liftAboveRest,
  neckEvidence,
  readProne,
  restAfter,
  UNKNOWN_REST,
} from './superman';
import type { PartLifts, SupermanThresholds } from './superman';
import type { Pose } from '../pose';
import type {
  EvaluateContext,
  Evaluation,
  Evidence,
  FormResult,
  HoldExercise,
  Strictness,
} from './types';

const EXTENSOR_HOLD_FAULTS = [
  'back-extensor-hold.lift-lost',
  'back-extensor-hold.neck-craned',
] as const;
export type ExtensorHoldFault = (typeof EXTENSOR_HOLD_FAULTS)[number];
/** 'setup': not lying face down; 'down': lying, not lifted; 'holding': chest and legs lifted. */
export type ExtensorHoldPhase = 'setup' | 'down' | 'holding';

/**
 * The person's resting lifts (chest and legs while lying, degrees, each its own), frozen while they
 * hold. The superman's rest rises 2°/s while the body is up, so that a lift is never taken for rest
 * over a 2-3 s rep; over a minute-long hold it would climb to the lift and end the hold by itself,
 * which is why the hold keeps the rest measured before it.
 */
export interface ExtensorHoldState {
  readonly rest: PartLifts;
  readonly holding: boolean;
}

const INITIAL_STATE: ExtensorHoldState = { rest: UNKNOWN_REST, holding: false };

/**
 * The superman's two faults, same measures and limits (chosen on the real superman recordings,
 * docs/judgement.md), under this test's prefix: the prone hold is the superman held. Not
 * `decisions` of this exercise, which has no recordings of its own to re-choose them on; the
 * "can't judge" band is applied here.
 */
const FAULT_OF_SUPERMAN = {
  'superman.low-lift': 'back-extensor-hold.lift-lost',
  'superman.neck-craned': 'back-extensor-hold.neck-craned',
} as const;
const BANDS: readonly FaultDecision<ExtensorHoldFault>[] = SUPERMAN_DECISIONS.map((decision) => ({
  ...decision,
  fault: FAULT_OF_SUPERMAN[decision.fault],
  judgedIn: ['holding'],
}));

type ExtensorResult = FormResult<ExtensorHoldPhase, ExtensorHoldFault>;

function evaluateExtensorHold(
  this: { readonly thresholds: Readonly<Record<Strictness, SupermanThresholds>> },
  pose: Pose | null,
  state: ExtensorHoldState,
  context: EvaluateContext,
): Evaluation<ExtensorHoldPhase, ExtensorHoldFault, ExtensorHoldState> {
  const reading = readProne(pose, context);
  if (!reading.ok) {
    const reset = reading.result.phase === 'setup' ? INITIAL_STATE : state;
    return { result: reading.result, state: reset };
  }
  const { view, shoulders, hips, legs, ear, nose, confidence, chestLiftDeg, trunk } = reading.body;
  const thresholds = this.thresholds[context.strictness];
  const parts: PartLifts = { chestDeg: chestLiftDeg, legsDeg: legs.liftDeg };
  const rest = state.holding ? state.rest : restAfter(state.rest, parts);
  const lift = liftAboveRest(parts, rest);
  // The superman's top zone, with its hysteresis: in above 8° over rest, out below 3°.
  const holding = lift > LIFT_ENTER_TOP_DEG || (state.holding && lift >= LIFT_EXIT_TOP_DEG);
  const lowerPartLiftDeg = Math.min(chestLiftDeg, legs.liftDeg);
  const headExtension = headExtensionDeg(hips, shoulders, ear, nose);
  const lost = holding && lowerPartLiftDeg < thresholds.minPartLiftDeg;
  const craned =
    holding && headExtension !== null && headExtension > thresholds.maxHeadExtensionDeg;
  const evidence: Evidence[] = [
    { kind: 'line', ...trunk, about: lost ? 'back-extensor-hold.lift-lost' : null },
    {
      kind: 'line',
      from: legs.hip,
      to: legs.end,
      about: lost ? 'back-extensor-hold.lift-lost' : null,
    },
  ];
  evidence.push(
    ...neckEvidence(reading.body, headExtension, craned ? 'back-extensor-hold.neck-craned' : null),
  );
  const judged: ExtensorResult = {
    status: 'ok',
    phase: holding ? 'holding' : 'down',
    faults: [
      ...(craned ? (['back-extensor-hold.neck-craned'] as const) : []),
      ...(lost ? (['back-extensor-hold.lift-lost'] as const) : []),
    ],
    undecided: [],
    unseen: [],
    view,
    viewAdvice: null,
    confidence,
    evidence,
    metrics: {
      chestLiftDeg,
      legLiftDeg: legs.liftDeg,
      liftDeg: lift,
      restChestLiftDeg: rest.chestDeg,
      restLegLiftDeg: rest.legsDeg,
      lowerPartLiftDeg,
      ...(headExtension === null ? {} : { headExtensionDeg: headExtension }),
    },
    repSignal: null,
    activeSide: null,
  };
  return {
    result: { ...judged, undecided: unsureBetween(BANDS, thresholds, judged) },
    state: { rest, holding },
  };
}

/**
 * The back extensor endurance hold done at home (a floor version of the Biering-Sørensen test):
 * lying face down, lift chest, arms and legs as in the superman and hold them up, gaze on the
 * floor. Judged side-on; the hold breaks when the body lowers or the neck cranes. One part sinking
 * alone is "can't judge", as the superman's low lift is (superman.ts).
 */
export const backExtensorHold: HoldExercise<
  'back-extensor-hold',
  ExtensorHoldPhase,
  ExtensorHoldFault,
  ExtensorHoldState,
  SupermanThresholds
> = {
  id: 'back-extensor-hold',
  name: 'Back extensor hold',
  kind: 'hold',
  views: ['side'],
  requiredLandmarks: SUPERMAN_REQUIRED,
  phases: ['setup', 'down', 'holding'],
  setupPhase: 'setup',
  holdPhases: ['holding'],
  faults: EXTENSOR_HOLD_FAULTS,
  thresholds: { beginner: SUPERMAN_LIMITS, advanced: SUPERMAN_LIMITS },
  alternatesSides: false,
  decisions: [],
  initialState: () => INITIAL_STATE,
  evaluate: evaluateExtensorHold,
};
