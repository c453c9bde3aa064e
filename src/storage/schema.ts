/**
 * What Plumbline keeps on the device: the limits a record may reach and the record types, plain
 * data (structured-clone and JSON safe). readers.ts checks a value from disk or from an imported
 * file field by field; layout.ts lays the records out in IndexedDB and migrates older layouts.
 */
import type { RepMeasureMetric } from '../pose/reps/kept-measures';
import type { Strictness } from '../pose/exercises/types';
import type { View } from '../pose/view';

// ---------------------------------------------------------------------------------------------
// Limits. They bound what a record (or an imported file) may hold, so a damaged or hostile value
// cannot make the app allocate without end; each sits well above anything real use produces.

/** Ids we generate are UUIDs (36 characters); leave room for ids from older builds. */
export const MAX_ID_LENGTH = 64;
/** Exercise and engine ids are short slugs such as `side-plank`. */
export const SLUG = /^[a-z][a-z0-9-]{0,31}$/;
/** Fault ids are `<exercise>.<fault>` such as `plank.hips-sagging` (src/pose/exercises/types.ts). */
export const FAULT_ID = /^[a-z][a-z0-9-]{0,31}\.[a-z][a-z0-9-]{0,47}$/;
/** Ids we generate (UUIDs) or hand-made ones in tests: letters, digits, `-` and `_` only. */
export const RECORD_ID = /^[A-Za-z0-9_-]+$/;
/** Metric and checklist item names: `forwardHeadDeg`, `week1.bird-dog`; never `__proto__`. */
export const NAME_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** A session is a handful of sets; 100 in one session is not real. */
export const MAX_SETS_PER_SESSION = 100;
/** A set of 1000 reps is beyond any back exercise; past it a record is damaged. */
export const MAX_REPS_PER_SET = 1000;
/** Each exercise has 2-3 faults (src/pose/exercises/types.ts); 32 leaves room for new ones. */
export const MAX_FAULTS_PER_RECORD = 32;
/** A snapshot reports a dozen angles and ratios; 64 leaves room. */
export const MAX_METRICS = 64;
/** Checklist items per week (a handful in the programme). */
export const MAX_CHECKLIST_ITEMS = 64;
/** Metric values are degrees, ratios or pixels: anything past a million is garbage. */
export const MAX_ABS_METRIC = 1_000_000;
/** Range of motion is a rep signal: at most an angle in degrees (other units are far smaller). */
export const MAX_ABS_DEGREES = 360;
/**
 * Rep times are milliseconds on the session's clock (frame timestamps, which start near 0 when the
 * page loads); a week of an open tab is the most that can be real.
 */
export const MAX_CLOCK_MS = 7 * 24 * 60 * 60 * 1000;
/** A single hold longer than a day is not a plank. */
export const MAX_HOLD_SECONDS = 24 * 60 * 60;
/**
 * A thumbnail is a small JPEG/PNG/WebP data URL (about 160 px wide, 5-20 kB). 100 000 characters
 * (about 73 kB of image) allows some slack but keeps full photos out of the database.
 */
export const MAX_THUMBNAIL_CHARS = 100_000;
/** Only raster images: an SVG or `javascript:` URL in an imported file must never reach an <img>. */
export const THUMBNAIL_DATA_URL = /^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
/** Session ids a programme records as done: 4 weeks of daily sessions, twice over. */
export const MAX_PROGRAMME_SESSIONS = 64;
/** Programme weeks. */
export const PROGRAMME_WEEKS = 4;
/** Pauses, resumes and pain stops in one programme: a few a month is real, 64 is not. */
export const MAX_PROGRAMME_EVENTS = 64;

// ---------------------------------------------------------------------------------------------
// Records

/**
 * Every strictness level and view in src/pose: `satisfies Record<..., true>` stops compiling if
 * one is added there and not here (or removed there and left here), so validation keeps up.
 */
const STRICTNESS_SET = { beginner: true, advanced: true } as const satisfies Record<
  Strictness,
  true
>;
export const STRICTNESS_LEVELS = Object.keys(STRICTNESS_SET) as readonly Strictness[];

const VIEW_SET = {
  side: true,
  front: true,
  'three-quarter': true,
  unknown: true,
} as const satisfies Record<View, true>;
export const VIEWS = Object.keys(VIEW_SET) as readonly View[];

export type RepSide = 'left' | 'right' | null;

export interface RangeOfMotion {
  /**
   * The exercise's rep signal at its lowest and highest in the rep, in that signal's unit (see
   * `RepExercise.repSignal`): degrees for the glute bridge and superman, a 0-1 limb lift for the
   * bird-dog, torso lengths for the dead bug.
   */
  readonly min: number;
  readonly max: number;
}

/**
 * How long a rep took to go down, stay at the far end and come back up, in ms (src/pose/reps/tempo.ts);
 * null where a part was not timed (a deadlift's first pull from the floor has no lowering).
 */
export interface RepTempoRecord {
  readonly lowerMs: number | null;
  readonly pauseMs: number | null;
  readonly liftMs: number | null;
}

export interface RepRecord {
  /** The working side for one-sided reps (bird-dog, side plank); null for both sides at once. */
  readonly side: RepSide;
  /** Milliseconds on the session's clock (frame timestamps). */
  readonly startMs: number;
  readonly endMs: number;
  /** Fault ids seen during the rep (`plank.hips-sagging`, ...). */
  readonly faults: readonly string[];
  readonly rangeOfMotion: RangeOfMotion;
  /** Absent in records written before tempo was timed (an optional field, so no migration). */
  readonly tempo?: RepTempoRecord;
  /**
   * What the rep kept of its frames, by metric, in degrees (src/pose/exercises/rep-measures.ts): a
   * hinge's lowest hip angle and its back's most curve. Absent where none was read, and in records
   * written before reps kept them.
   */
  readonly measures?: RepMeasuresRecord;
}

export type RepMeasuresRecord = Readonly<Partial<Record<RepMeasureMetric, number>>>;

/**
 * How a set ended: its target was reached, the person ended it early, left the workout during it,
 * or stopped it with the pain button.
 */
export type SetEndedBy = 'target' | 'person' | 'stopped' | 'pain';
export const SET_ENDINGS: readonly SetEndedBy[] = ['target', 'person', 'stopped', 'pain'];

export interface SetRecord {
  /** Position in `sessions.sets`, from 0. */
  readonly index: number;
  readonly startedAt: string;
  /** Null while the set is under way (or if the tab closed during it). */
  readonly endedAt: string | null;
  /**
   * How it ended; absent while under way, if the tab closed during it, and in records written
   * before this field existed (an optional field, so no migration).
   */
  readonly endedBy?: SetEndedBy;
  readonly reps: readonly RepRecord[];
  /** Good-form seconds held (hold exercises); 0 for rep exercises. */
  readonly holdSeconds: number;
  /** 0..1: clean reps over reps, or good-form time over hold time. */
  readonly goodFormShare: number;
  /**
   * Good-form seconds held on each side (a side plank's supporting side); absent when no side was
   * told, and in records written before it.
   */
  readonly sideHoldSeconds?: { readonly left: number; readonly right: number };
  /**
   * Seconds each fault was cued during the set (its replay's fault timeline: a hold's faults have
   * no rep to be counted in); absent in records written before it and when the set had no replay.
   */
  readonly faultSeconds?: Readonly<Record<string, number>>;
}

/** What the programme asked for when the session started (null for free training). */
export interface SessionPlan {
  readonly programmeWeek: number | null;
  readonly targetSets: number;
  readonly targetReps: number | null;
  readonly targetHoldSeconds: number | null;
}

export interface WorkoutSession {
  readonly id: string;
  readonly startedAt: string;
  /** Set when the person finishes; null while under way or if the tab closed (added in v2). */
  readonly endedAt: string | null;
  /** An exercise id such as `plank` (kept as a string so old records survive a rename). */
  readonly exercise: string;
  readonly strictness: Strictness;
  readonly plan: SessionPlan | null;
  readonly sets: readonly SetRecord[];
}

/**
 * One hold of the trunk endurance battery (src/coach/endurance): how long it was held in good form
 * and what stopped it. Kept apart from workouts: a test is a measurement, not training.
 */
export interface EnduranceRecord {
  readonly id: string;
  readonly takenAt: string;
  /** The test: `flexor`, `extensor`, `side-bridge-right`, `side-bridge-left` (a string, so a
   * record survives a rename). */
  readonly test: string;
  readonly heldSeconds: number;
  /**
   * What stopped it: a fault id (`side-plank.hips-dropping`) or one of `ENDURANCE_STOPS`.
   */
  readonly stoppedBy: string;
  /** The tests run together share this id (one visit, one set of ratios). */
  readonly runId: string;
  readonly strictness: Strictness;
}

/** Stops that are not a fault: the hold's position left, the person unseen, ... (hold-test.ts). */
export const ENDURANCE_STOPS = [
  'left-position',
  'lost-sight',
  'wrong-side',
  'time-cap',
  'person',
] as const;

export type SnapshotSource = 'camera' | 'photo';

export interface PostureSnapshot {
  readonly id: string;
  readonly takenAt: string;
  readonly source: SnapshotSource;
  readonly view: View;
  /** Named numbers from the posture check (`forwardHeadDeg`, ...), as the checker reports them. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly faults: readonly string[];
  /**
   * A small image as a data URL (not a Blob): it survives JSON export and import unchanged, its
   * size is checked with a string length, and its type is checked by its prefix.
   */
  readonly thumbnail: string | null;
}

/**
 * What the person trains with, beyond their body (seed 003: "weights like dumbbells, kettlebells,
 * or even simple resistance bands"; the barbell for the deadlift). None of them: bodyweight only.
 */
export const EQUIPMENT = ['dumbbells', 'kettlebell', 'barbell', 'band-or-cable'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export interface Settings {
  readonly strictness: Strictness;
  readonly voiceCues: boolean;
  /** The pose engine last chosen (`mediapipe`, `movenet`), or null for the default. */
  readonly preferredEngine: string | null;
  /** The equipment the Plan may use; absent in records and exports written before it. */
  readonly equipment?: readonly Equipment[];
}

export const DEFAULT_SETTINGS: Settings = {
  strictness: 'beginner',
  voiceCues: true,
  preferredEngine: null,
};

export interface ChecklistItem {
  readonly done: boolean;
  /** Ticked by the app after a session, or by the person by hand. */
  readonly by: 'app' | 'person';
}

export interface ChecklistWeek {
  /** The Monday (or first day) of the week, YYYY-MM-DD in local time. */
  readonly weekStart: string;
  readonly items: Readonly<Record<string, ChecklistItem>>;
}

/**
 * Something that changed the programme's course on a day: a pause (holiday, sore back), a resume,
 * or a stop for sharp pain. Kept so the weeks can be replayed from the start (added after v2;
 * records without it have no events).
 */
export interface ProgrammeEvent {
  /** YYYY-MM-DD, local time. */
  readonly on: string;
  readonly kind: 'pause' | 'resume' | 'pain';
}

export const PROGRAMME_EVENT_KINDS: readonly ProgrammeEvent['kind'][] = ['pause', 'resume', 'pain'];

export interface ProgrammeState {
  /** YYYY-MM-DD, local time. */
  readonly startedOn: string;
  /** 1 to `PROGRAMME_WEEKS`. */
  readonly week: number;
  /** Sessions counted towards the programme, most recent last. */
  readonly completedSessionIds: readonly string[];
  /** The person paused the programme (holiday, sore back). */
  readonly paused: boolean;
  /** Pauses, resumes and pain stops, oldest first; absent in records written before them. */
  readonly events?: readonly ProgrammeEvent[];
}

// ---------------------------------------------------------------------------------------------
// Replays (src/coach/workout/replay.ts records them; replays.ts stores them in their own store)

/**
 * A point of a replayed skeleton or back outline, in thousandths of the frame's width and height
 * (a 640 px frame: 0.64 px), possibly off the frame: `REPLAY_MIN_COORD` to `REPLAY_MAX_COORD`.
 */
export interface ReplayXY {
  readonly x: number;
  readonly y: number;
}

/** A replayed joint: where it was and how sure the engine was (0-1, in `REPLAY_VISIBILITY_STEPS`). */
export interface ReplayJoint extends ReplayXY {
  readonly visibility: number;
}

export interface ReplayFrame {
  /** Milliseconds of the set's counting time (pauses left out), from 0. */
  readonly tMs: number;
  /** One entry per `ReplayTrack.joints` name; null where the engine gave none (or nobody seen). */
  readonly joints: readonly (ReplayJoint | null)[];
  /** The back's outline where the checker read it this frame (a few points); else empty. */
  readonly outline: readonly ReplayXY[];
}

/** A rep counted in the set, on the replay's clock. */
export interface ReplayRep {
  readonly startMs: number;
  readonly endMs: number;
  readonly side: RepSide;
  readonly faults: readonly string[];
}

/**
 * A stretch of the set during which a fault was cued ('fault') or could not be judged
 * ('unsure': the screen said "can't judge" for it), on the replay's clock.
 */
export interface ReplaySpan {
  readonly kind: 'fault' | 'unsure';
  readonly fault: string;
  readonly startMs: number;
  readonly endMs: number;
}

export const REPLAY_SPAN_KINDS: readonly ReplaySpan['kind'][] = ['fault', 'unsure'];

/** One set as recorded for replay: numbers only, no picture (issue #16). */
export interface ReplayTrack {
  readonly exercise: string;
  /** The camera frame's size in pixels, for the replay's shape. */
  readonly imageSize: { readonly width: number; readonly height: number };
  /** The set's counting time, in ms. */
  readonly durationMs: number;
  /** The landmark names of `ReplayFrame.joints`, in order (the skeleton's joints). */
  readonly joints: readonly string[];
  readonly frames: readonly ReplayFrame[];
  readonly reps: readonly ReplayRep[];
  readonly spans: readonly ReplaySpan[];
}

/** Coordinates a replay keeps: a frame and a frame's width beyond it on each side. */
export const REPLAY_MIN_COORD = -1000;
export const REPLAY_MAX_COORD = 2000;
/** Visibility is kept in 15ths: enough to tell a sure joint from an unsure one. */
export const REPLAY_VISIBILITY_STEPS = 15;
/**
 * Frames of one replay: at 10 a second, 80 s of a set; a longer set is kept at 5, 2.5, ... a second
 * (replay.ts), so a replay stays under `REPLAY_BUDGET_CHARS` however long the set.
 */
export const MAX_REPLAY_FRAMES = 800;
/** Points of a back outline in one frame. */
export const MAX_REPLAY_OUTLINE_POINTS = 8;
/** Reps and fault spans a replay keeps: past them a set is not real, or the rest is left out. */
export const MAX_REPLAY_REPS = 200;
export const MAX_REPLAY_SPANS = 200;
/** Joints per replayed skeleton (the 21 the skeleton draws, with room). */
export const MAX_REPLAY_JOINTS = 33;
/**
 * A stored replay's size budget, in characters of its JSON (about bytes): 150 kB a set, so the
 * `MAX_STORED_REPLAYS` kept are at most 3 MB on the device and in an export.
 */
export const REPLAY_BUDGET_CHARS = 150_000;
/** Replays kept: the 20 most recent sets, whatever the exercise; older ones are deleted. */
export const MAX_STORED_REPLAYS = 20;

/**
 * A replay as stored and exported: the track with its frames packed (replays.ts), keyed to the set
 * of a saved workout. Deleting the workout deletes it.
 */
export interface ReplayRecord {
  /** `<sessionId>/<setIndex>`. */
  readonly id: string;
  readonly sessionId: string;
  readonly setIndex: number;
  readonly recordedAt: string;
  readonly exercise: string;
  readonly imageSize: { readonly width: number; readonly height: number };
  readonly durationMs: number;
  readonly joints: readonly string[];
  /** The frames as little-endian 16-bit words in base64 (replays.ts `packFrames`). */
  readonly frames: string;
  readonly reps: readonly ReplayRep[];
  readonly spans: readonly ReplaySpan[];
}
