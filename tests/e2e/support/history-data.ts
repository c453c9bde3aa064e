/**
 * A realistic Plumbline export, built from the storage types: four weeks of a programme (every
 * exercise, three sessions a week of one rep and one hold exercise, getting cleaner week by week,
 * one session cut short), three wall-posture snapshots measuring every angle the check reports
 * (so the report is filled at its fullest) and the trunk endurance battery in weeks 1 and 4. Numbers only; the one thumbnail is a flat
 * grey square the test draws, never a picture of a person.
 */
import type {
  EnduranceRecord,
  PlumblineExport,
  PostureSnapshot,
  RepRecord,
  SetEndedBy,
  SetRecord,
  WorkoutSession,
} from '../../../src/storage';

/** A fixed pseudo-random sequence (an LCG), so the data is the same on every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** Local noon plus `minutes`, as a stored ISO time: the calendar day is the same in any zone. */
function at(day: Date, minutes = 0): string {
  const time = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 12, minutes);
  return time.toISOString();
}

/** Monday 3 March 2025, the programme's first day. */
export const PROGRAMME_START = new Date(2025, 2, 3);
const WEEKS = 4;
/** Monday, Wednesday, Friday. */
const TRAINING_DAYS = [0, 2, 4];

interface RepPlan {
  readonly exercise: RepExerciseId;
  readonly faults: readonly string[];
  readonly alternates: boolean;
  /** The rep signal's usual low and high, in its unit (`RepExercise.repSignal`). */
  readonly range: readonly [number, number];
  /** What each rep keeps (src/pose/reps/kept-measures.ts), from its number and its fault. */
  readonly measures?: (i: number, fault: string | null) => RepRecord['measures'];
}

type RepExerciseId =
  | 'bird-dog'
  | 'glute-bridge'
  | 'dead-bug'
  | 'superman'
  | 'deadlift'
  | 'rdl'
  | 'kb-swing'
  | 'suitcase-deadlift'
  | 'squat'
  | 'row'
  | 'pallof-press';

/** The hinge family's faults and rep signal (the trunk's angle above horizontal, degrees). */
const HINGE_PLAN = {
  faults: ['hinge.rounded-back', 'hinge.knees-too-bent', 'hinge.hyperextension'],
  alternates: false,
  range: [15, 85],
  measures: hingeMeasures,
} as const;

/**
 * What a hinge rep keeps, as the real side-on pulls measured (docs/checkers.md): the hips bent to
 * 40-46°, the back curved a few degrees, a rounded rep past 20°. From the rep's number, not the
 * random sequence, so the rest of the data stays as it was.
 */
function hingeMeasures(i: number, fault: string | null): RepRecord['measures'] {
  return {
    hipAngleDeg: 40 + (i % 4) * 2,
    backRoundingDeg: fault === 'hinge.rounded-back' ? 24 : 2 + (i % 3) * 2,
    upperBackRoundingDeg: 5 + (i % 2) * 3,
  };
}

/** A squat rep's depth side-on (squat.ts): the thighs a little below parallel, as the real one. */
function squatMeasures(i: number): RepRecord['measures'] {
  return { repBottomThighDeg: -4 + (i % 3) * 2 };
}

const REP_EXERCISES: readonly RepPlan[] = [
  {
    exercise: 'bird-dog',
    faults: ['bird-dog.hip-rotation', 'bird-dog.leg-too-high', 'bird-dog.short-reach'],
    alternates: true,
    range: [0.1, 0.95], // limb lift, 1 = level with the floor
  },
  {
    exercise: 'glute-bridge',
    faults: ['glute-bridge.hips-low', 'glute-bridge.over-arched'],
    alternates: false,
    range: [-40, -3], // minus the hips' deviation from the shoulder-knee line, degrees
  },
  {
    exercise: 'dead-bug',
    faults: ['dead-bug.lumbar-lift'],
    alternates: true,
    range: [-0.95, -0.3], // minus the lowest ankle's height above the trunk, torso lengths
  },
  {
    exercise: 'superman',
    faults: ['superman.low-lift', 'superman.neck-craned'],
    alternates: false,
    range: [0, 22], // chest or leg lift, degrees
  },
  { exercise: 'deadlift', ...HINGE_PLAN },
  { exercise: 'rdl', ...HINGE_PLAN },
  { exercise: 'kb-swing', ...HINGE_PLAN },
  { exercise: 'suitcase-deadlift', ...HINGE_PLAN },
  {
    exercise: 'squat',
    faults: ['squat.rounded-back', 'squat.heels-rising', 'squat.knees-caving'],
    alternates: false,
    range: [0.4, 1], // hip height over the leg, 1 standing
    measures: squatMeasures,
  },
  {
    exercise: 'row',
    faults: ['hinge.rounded-back', 'hinge.torso-rising'],
    alternates: false,
    range: [5, 60], // the pulling upper arm lifted from hanging, degrees
  },
  {
    exercise: 'pallof-press',
    faults: ['pallof-press.trunk-rotation'],
    alternates: false,
    range: [0.75, 0.95], // reach, 1 = arms straight
  },
];

const HOLD_EXERCISES = [
  'plank',
  'side-plank',
  'wall-posture',
  'farmers-carry',
  'trunk-flexor-hold',
  'back-extensor-hold',
] as const;

function aMinuteAfter(time: string): string {
  return new Date(Date.parse(time) + 60_000).toISOString();
}

function repSet(
  plan: RepPlan,
  index: number,
  startedAt: string,
  reps: number,
  faultChance: number,
  random: () => number,
): SetRecord {
  const records: RepRecord[] = Array.from({ length: reps }, (_, i) => {
    const faulted = random() < faultChance;
    const fault = plan.faults[Math.floor(random() * plan.faults.length)] ?? '';
    const spread = (plan.range[1] - plan.range[0]) / 10;
    const min = plan.range[0] + random() * spread;
    return {
      side: plan.alternates ? (i % 2 === 0 ? 'left' : 'right') : null,
      startMs: 5_000 + i * 4_000,
      endMs: 8_000 + i * 4_000,
      faults: faulted ? [fault] : [],
      rangeOfMotion: { min, max: plan.range[1] - random() * spread },
      // A slow lowering, a pause and a quicker lift, a little different each rep.
      tempo: { lowerMs: 1200 + (i % 3) * 100, pauseMs: 800, liftMs: 900 + (i % 2) * 100 },
      ...(plan.measures ? { measures: plan.measures(i, faulted ? fault : null) } : {}),
    };
  });
  const clean = records.filter((r) => r.faults.length === 0).length;
  return {
    index,
    startedAt,
    endedAt: aMinuteAfter(startedAt),
    endedBy: 'target',
    reps: records,
    holdSeconds: 0,
    goodFormShare: reps === 0 ? 0 : clean / reps,
  };
}

function holdSet(
  index: number,
  startedAt: string,
  seconds: number,
  share: number,
  endedBy: SetEndedBy,
): SetRecord {
  return {
    index,
    startedAt,
    endedAt: aMinuteAfter(startedAt),
    endedBy,
    reps: [],
    holdSeconds: Math.round(seconds * share * 10) / 10,
    goodFormShare: share,
  };
}

function sessions(): WorkoutSession[] {
  const random = sequence(7);
  const list: WorkoutSession[] = [];
  for (let week = 0; week < WEEKS; week++) {
    for (const [slot, offset] of TRAINING_DAYS.entries()) {
      const day = new Date(PROGRAMME_START);
      day.setDate(day.getDate() + week * 7 + offset);
      // Rep and hold exercises take turns; form gets cleaner as the weeks go by.
      const faultChance = 0.5 - week * 0.1;
      const turn = week * TRAINING_DAYS.length + slot;
      const plan = REP_EXERCISES[turn % REP_EXERCISES.length];
      if (plan) {
        const reps = 8 + week;
        list.push({
          id: `w${week}-${slot}-${plan.exercise}`,
          startedAt: at(day),
          endedAt: at(day, 10),
          exercise: plan.exercise,
          strictness: 'beginner',
          plan: {
            programmeWeek: week + 1,
            targetSets: 2,
            targetReps: reps,
            targetHoldSeconds: null,
          },
          sets: [0, 1].map((i) => repSet(plan, i, at(day, 1 + i * 4), reps, faultChance, random)),
        });
      }
      const hold = HOLD_EXERCISES[turn % HOLD_EXERCISES.length] ?? 'plank';
      const target = 20 + week * 10;
      const cutShort = week === 2 && slot === 1;
      list.push({
        id: `w${week}-${slot}-${hold}`,
        startedAt: at(day, 20),
        endedAt: cutShort ? null : at(day, 25),
        exercise: hold,
        strictness: 'beginner',
        plan: {
          programmeWeek: week + 1,
          targetSets: 2,
          targetReps: null,
          targetHoldSeconds: target,
        },
        sets: (cutShort ? [0] : [0, 1]).map((i) =>
          holdSet(
            i,
            at(day, 21 + i * 2),
            target,
            0.6 + week * 0.1 - random() * 0.05,
            // The session cut short was stopped with the pain button.
            cutShort ? 'pain' : 'target',
          ),
        ),
      });
    }
  }
  return list;
}

function snapshots(thumbnail: string): PostureSnapshot[] {
  return [0, 1, 3].map((week, i) => {
    const day = new Date(PROGRAMME_START);
    day.setDate(day.getDate() + week * 7 + 1);
    return {
      id: `snap-${week}`,
      takenAt: at(day, 30),
      source: 'camera',
      view: 'side',
      metrics: {
        forwardHeadLeanDeg: 18 - week * 2.5,
        shouldersForwardOfHipDeg: 9 - week,
        earForwardOfAnklePctHeight: 8 - week * 1.5,
        shoulderForwardOfAnklePctHeight: 6 - week,
        hipForwardOfAnklePctHeight: 4.5 - week * 0.5,
        kneeForwardOfAnklePctHeight: 2 - week * 0.25,
        kneeBendDeg: 5 - week,
        weightShiftPctTorso: 3 - week * 0.5,
        shoulderTiltDeg: -2 + week * 0.5,
        hipTiltDeg: 1.5 - week * 0.5,
        headTiltDeg: 3 - week,
        forwardHeadJudged: 1,
      },
      faults: week < 3 ? ['posture.forward-head'] : [],
      thumbnail: i === 2 ? thumbnail : null,
    };
  });
}

/** The export as a file holds it; `thumbnail` is a PNG data URL drawn by the test. */
/** The four endurance holds on the Saturday of weeks 1 and 4, seconds, longer by week 4. */
const ENDURANCE_HOLDS = [
  { test: 'flexor', seconds: [48, 71], stoppedBy: 'trunk-flexor-hold.trunk-dropped' },
  { test: 'extensor', seconds: [62, 80], stoppedBy: 'left-position' },
  { test: 'side-bridge-right', seconds: [31, 44], stoppedBy: 'left-position' },
  { test: 'side-bridge-left', seconds: [36, 45], stoppedBy: 'side-plank.hips-dropping' },
] as const;

function enduranceResults(): EnduranceRecord[] {
  return [0, 3].flatMap((week, run) => {
    const day = new Date(PROGRAMME_START);
    day.setDate(day.getDate() + week * 7 + 5);
    return ENDURANCE_HOLDS.map((hold, i) => ({
      id: `endurance-${week}-${hold.test}`,
      takenAt: at(day, i * 3),
      test: hold.test,
      heldSeconds: hold.seconds[run] ?? 0,
      stoppedBy: hold.stoppedBy,
      runId: `run-${week}`,
      strictness: 'beginner' as const,
    }));
  });
}

export function historyExport(thumbnail: string): PlumblineExport {
  return {
    app: 'plumbline',
    formatVersion: 1,
    exportedAt: '2025-04-01T09:00:00.000Z',
    sessions: sessions(),
    snapshots: snapshots(thumbnail),
    // Not the defaults, so an import that carries them shows (the engine stays each device's own).
    settings: { strictness: 'advanced', voiceCues: false, preferredEngine: null, equipment: [] },
    checklist: [],
    programme: {
      startedOn: '2025-03-03',
      week: 4,
      completedSessionIds: [],
      paused: false,
    },
    endurance: enduranceResults(),
    // A backup carries the set replays; this one has none.
    replays: [],
  };
}
