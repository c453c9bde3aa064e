/**
 * A reader per record type: checks a value read back from disk or from an imported file field by
 * field, against the limits and types of schema.ts, and throws a ValidationFailure naming the path.
 */
import {
  ValidationFailure,
  readArray,
  readBoolean,
  readIsoDate,
  readIsoDateTime,
  readNullable,
  readNumber,
  readObject,
  readOneOf,
  readRecord,
  readString,
} from './validate';
import {
  ENDURANCE_STOPS,
  EQUIPMENT,
  FAULT_ID,
  MAX_ABS_DEGREES,
  MAX_ABS_METRIC,
  MAX_CHECKLIST_ITEMS,
  MAX_CLOCK_MS,
  MAX_FAULTS_PER_RECORD,
  MAX_HOLD_SECONDS,
  MAX_ID_LENGTH,
  MAX_METRICS,
  MAX_PROGRAMME_EVENTS,
  MAX_PROGRAMME_SESSIONS,
  MAX_REPLAY_FRAMES,
  MAX_REPLAY_JOINTS,
  MAX_REPLAY_OUTLINE_POINTS,
  MAX_REPLAY_REPS,
  MAX_REPLAY_SPANS,
  MAX_REPS_PER_SET,
  MAX_SETS_PER_SESSION,
  MAX_THUMBNAIL_CHARS,
  NAME_KEY,
  PROGRAMME_EVENT_KINDS,
  PROGRAMME_WEEKS,
  RECORD_ID,
  REPLAY_BUDGET_CHARS,
  REPLAY_SPAN_KINDS,
  SET_ENDINGS,
  SLUG,
  STRICTNESS_LEVELS,
  THUMBNAIL_DATA_URL,
  VIEWS,
} from './schema';
import { LANDMARK_NAMES } from '../pose/landmarks';
import { REP_MEASURE_METRICS } from '../pose/reps/kept-measures';
import type { RepMeasureMetric } from '../pose/reps/kept-measures';
import { unpackFrames } from './replay-frames';
import type {
  ChecklistWeek,
  EnduranceRecord,
  PostureSnapshot,
  ProgrammeEvent,
  ProgrammeState,
  RepMeasuresRecord,
  RepRecord,
  RepSide,
  RepTempoRecord,
  ReplayRecord,
  ReplayRep,
  ReplaySpan,
  SessionPlan,
  SetRecord,
  Settings,
  WorkoutSession,
} from './schema';

const ID_RULE = {
  maxLength: MAX_ID_LENGTH,
  minLength: 1,
  pattern: RECORD_ID,
  patternName: 'an id',
};

export function readId(input: unknown, path: string): string {
  return readString(input, path, ID_RULE);
}

/** Exercise and engine ids: short lowercase slugs. */
function readSlug(input: unknown, path: string): string {
  return readString(input, path, {
    maxLength: 32,
    pattern: SLUG,
    patternName: 'a short id such as side-plank',
  });
}

function readFaultId(input: unknown, path: string): string {
  return readString(input, path, { maxLength: 80, pattern: FAULT_ID, patternName: 'a fault id' });
}

function readFaults(input: unknown, path: string): string[] {
  return readArray(input, path, MAX_FAULTS_PER_RECORD, readFaultId);
}

function readDegrees(input: unknown, path: string): number {
  return readNumber(input, path, { min: -MAX_ABS_DEGREES, max: MAX_ABS_DEGREES });
}

function readPartMs(input: unknown, path: string): number | null {
  return readNullable(input, path, (value, at) =>
    readNumber(value, at, { min: 0, max: MAX_CLOCK_MS }),
  );
}

function readTempo(input: unknown, path: string): RepTempoRecord {
  const o = readObject(input, path, ['lowerMs', 'pauseMs', 'liftMs']);
  return {
    lowerMs: readPartMs(o.lowerMs, `${path}.lowerMs`),
    pauseMs: readPartMs(o.pauseMs, `${path}.pauseMs`),
    liftMs: readPartMs(o.liftMs, `${path}.liftMs`),
  };
}

function readRepMeasures(input: unknown, path: string): RepMeasuresRecord {
  const o = readObject(input, path, [], REP_MEASURE_METRICS);
  const measures: Partial<Record<RepMeasureMetric, number>> = {};
  for (const metric of REP_MEASURE_METRICS) {
    if (o[metric] !== undefined) measures[metric] = readDegrees(o[metric], `${path}.${metric}`);
  }
  return measures;
}

function readSide(input: unknown, path: string): RepSide {
  return input === null ? null : readOneOf(input, path, ['left', 'right']);
}

export function readRep(input: unknown, path: string): RepRecord {
  const o = readObject(
    input,
    path,
    ['side', 'startMs', 'endMs', 'faults', 'rangeOfMotion'],
    ['tempo', 'measures'],
  );
  const side = readSide(o.side, `${path}.side`);
  const startMs = readNumber(o.startMs, `${path}.startMs`, { min: 0, max: MAX_CLOCK_MS });
  const endMs = readNumber(o.endMs, `${path}.endMs`, { min: 0, max: MAX_CLOCK_MS });
  if (endMs < startMs) throw new ValidationFailure(`${path}.endMs`, 'before startMs');
  const rom = readObject(o.rangeOfMotion, `${path}.rangeOfMotion`, ['min', 'max']);
  const min = readDegrees(rom.min, `${path}.rangeOfMotion.min`);
  const max = readDegrees(rom.max, `${path}.rangeOfMotion.max`);
  if (max < min) throw new ValidationFailure(`${path}.rangeOfMotion.max`, 'below min');
  return {
    side,
    startMs,
    endMs,
    faults: readFaults(o.faults, `${path}.faults`),
    rangeOfMotion: { min, max },
    ...(o.tempo === undefined ? {} : { tempo: readTempo(o.tempo, `${path}.tempo`) }),
    ...(o.measures === undefined
      ? {}
      : { measures: readRepMeasures(o.measures, `${path}.measures`) }),
  };
}

function readShare(input: unknown, path: string): number {
  return readNumber(input, path, { min: 0, max: 1 });
}

export function readSet(input: unknown, path: string): SetRecord {
  const o = readObject(
    input,
    path,
    ['index', 'startedAt', 'endedAt', 'reps', 'holdSeconds', 'goodFormShare'],
    ['endedBy', 'sideHoldSeconds', 'faultSeconds'],
  );
  return {
    index: readNumber(o.index, `${path}.index`, {
      min: 0,
      max: MAX_SETS_PER_SESSION,
      integer: true,
    }),
    startedAt: readIsoDateTime(o.startedAt, `${path}.startedAt`),
    endedAt: readNullable(o.endedAt, `${path}.endedAt`, readIsoDateTime),
    reps: readArray(o.reps, `${path}.reps`, MAX_REPS_PER_SET, readRep),
    holdSeconds: readNumber(o.holdSeconds, `${path}.holdSeconds`, {
      min: 0,
      max: MAX_HOLD_SECONDS,
    }),
    goodFormShare: readShare(o.goodFormShare, `${path}.goodFormShare`),
    ...(o.endedBy === undefined
      ? {}
      : { endedBy: readOneOf(o.endedBy, `${path}.endedBy`, SET_ENDINGS) }),
    ...(o.sideHoldSeconds === undefined
      ? {}
      : { sideHoldSeconds: readSideHold(o.sideHoldSeconds, `${path}.sideHoldSeconds`) }),
    ...(o.faultSeconds === undefined
      ? {}
      : {
          faultSeconds: readRecord(
            o.faultSeconds,
            `${path}.faultSeconds`,
            { maxKeys: MAX_FAULTS_PER_RECORD, keyPattern: FAULT_ID },
            (v, p) => readNumber(v, p, { min: 0, max: MAX_HOLD_SECONDS }),
          ),
        }),
  };
}

function readSideHold(input: unknown, path: string): { left: number; right: number } {
  const o = readObject(input, path, ['left', 'right']);
  const seconds = (value: unknown, at: string) =>
    readNumber(value, at, { min: 0, max: MAX_HOLD_SECONDS });
  return { left: seconds(o.left, `${path}.left`), right: seconds(o.right, `${path}.right`) };
}

function readCount(input: unknown, path: string): number {
  return readNumber(input, path, { min: 0, max: MAX_REPS_PER_SET, integer: true });
}

function readPlan(input: unknown, path: string): SessionPlan {
  const o = readObject(input, path, [
    'programmeWeek',
    'targetSets',
    'targetReps',
    'targetHoldSeconds',
  ]);
  return {
    programmeWeek: readNullable(o.programmeWeek, `${path}.programmeWeek`, (v, p) =>
      readNumber(v, p, { min: 1, max: PROGRAMME_WEEKS, integer: true }),
    ),
    targetSets: readNumber(o.targetSets, `${path}.targetSets`, {
      min: 0,
      max: MAX_SETS_PER_SESSION,
      integer: true,
    }),
    targetReps: readNullable(o.targetReps, `${path}.targetReps`, readCount),
    targetHoldSeconds: readNullable(o.targetHoldSeconds, `${path}.targetHoldSeconds`, (v, p) =>
      readNumber(v, p, { min: 0, max: MAX_HOLD_SECONDS }),
    ),
  };
}

export function readSession(input: unknown, path: string): WorkoutSession {
  const o = readObject(input, path, [
    'id',
    'startedAt',
    'endedAt',
    'exercise',
    'strictness',
    'plan',
    'sets',
  ]);
  const sets = readArray(o.sets, `${path}.sets`, MAX_SETS_PER_SESSION, readSet);
  sets.forEach((set, position) => {
    // `index` is how appendRep finds a set; a mismatch would write reps into the wrong one.
    if (set.index !== position)
      throw new ValidationFailure(`${path}.sets[${position}].index`, 'out of order');
  });
  return {
    id: readId(o.id, `${path}.id`),
    startedAt: readIsoDateTime(o.startedAt, `${path}.startedAt`),
    endedAt: readNullable(o.endedAt, `${path}.endedAt`, readIsoDateTime),
    exercise: readSlug(o.exercise, `${path}.exercise`),
    strictness: readOneOf(o.strictness, `${path}.strictness`, STRICTNESS_LEVELS),
    plan: readNullable(o.plan, `${path}.plan`, readPlan),
    sets,
  };
}

export function readEndurance(input: unknown, path: string): EnduranceRecord {
  const o = readObject(input, path, [
    'id',
    'takenAt',
    'test',
    'heldSeconds',
    'stoppedBy',
    'runId',
    'strictness',
  ]);
  const stoppedBy =
    typeof o.stoppedBy === 'string' && o.stoppedBy.includes('.')
      ? readFaultId(o.stoppedBy, `${path}.stoppedBy`)
      : readOneOf(o.stoppedBy, `${path}.stoppedBy`, ENDURANCE_STOPS);
  return {
    id: readId(o.id, `${path}.id`),
    takenAt: readIsoDateTime(o.takenAt, `${path}.takenAt`),
    test: readSlug(o.test, `${path}.test`),
    heldSeconds: readNumber(o.heldSeconds, `${path}.heldSeconds`, {
      min: 0,
      max: MAX_HOLD_SECONDS,
    }),
    stoppedBy,
    runId: readId(o.runId, `${path}.runId`),
    strictness: readOneOf(o.strictness, `${path}.strictness`, STRICTNESS_LEVELS),
  };
}

export function readSnapshot(input: unknown, path: string): PostureSnapshot {
  const o = readObject(input, path, [
    'id',
    'takenAt',
    'source',
    'view',
    'metrics',
    'faults',
    'thumbnail',
  ]);
  return {
    id: readId(o.id, `${path}.id`),
    takenAt: readIsoDateTime(o.takenAt, `${path}.takenAt`),
    source: readOneOf(o.source, `${path}.source`, ['camera', 'photo']),
    view: readOneOf(o.view, `${path}.view`, VIEWS),
    metrics: readRecord(
      o.metrics,
      `${path}.metrics`,
      { maxKeys: MAX_METRICS, keyPattern: NAME_KEY },
      (v, p) => readNumber(v, p, { min: -MAX_ABS_METRIC, max: MAX_ABS_METRIC }),
    ),
    faults: readFaults(o.faults, `${path}.faults`),
    thumbnail: readNullable(o.thumbnail, `${path}.thumbnail`, (v, p) =>
      readString(v, p, {
        maxLength: MAX_THUMBNAIL_CHARS,
        pattern: THUMBNAIL_DATA_URL,
        patternName: 'a JPEG, PNG or WebP data URL',
      }),
    ),
  };
}

export function readSettings(input: unknown, path: string): Settings {
  const o = readObject(input, path, ['strictness', 'voiceCues', 'preferredEngine'], ['equipment']);
  return {
    strictness: readOneOf(o.strictness, `${path}.strictness`, STRICTNESS_LEVELS),
    voiceCues: readBoolean(o.voiceCues, `${path}.voiceCues`),
    preferredEngine: readNullable(o.preferredEngine, `${path}.preferredEngine`, readSlug),
    ...(o.equipment === undefined
      ? {}
      : {
          equipment: readArray(o.equipment, `${path}.equipment`, EQUIPMENT.length, (v, p) =>
            readOneOf(v, p, EQUIPMENT),
          ),
        }),
  };
}

export function readChecklistWeek(input: unknown, path: string): ChecklistWeek {
  const o = readObject(input, path, ['weekStart', 'items']);
  return {
    weekStart: readIsoDate(o.weekStart, `${path}.weekStart`),
    items: readRecord(
      o.items,
      `${path}.items`,
      { maxKeys: MAX_CHECKLIST_ITEMS, keyPattern: NAME_KEY },
      (v, p) => {
        const item = readObject(v, p, ['done', 'by']);
        return {
          done: readBoolean(item.done, `${p}.done`),
          by: readOneOf(item.by, `${p}.by`, ['app', 'person']),
        };
      },
    ),
  };
}

function readProgrammeEvent(input: unknown, path: string): ProgrammeEvent {
  const o = readObject(input, path, ['on', 'kind']);
  return {
    on: readIsoDate(o.on, `${path}.on`),
    kind: readOneOf(o.kind, `${path}.kind`, PROGRAMME_EVENT_KINDS),
  };
}

export function readProgramme(input: unknown, path: string): ProgrammeState {
  const o = readObject(
    input,
    path,
    ['startedOn', 'week', 'completedSessionIds', 'paused'],
    ['events'],
  );
  const startedOn = readIsoDate(o.startedOn, `${path}.startedOn`);
  const state: ProgrammeState = {
    startedOn,
    week: readNumber(o.week, `${path}.week`, { min: 1, max: PROGRAMME_WEEKS, integer: true }),
    completedSessionIds: readArray(
      o.completedSessionIds,
      `${path}.completedSessionIds`,
      MAX_PROGRAMME_SESSIONS,
      readId,
    ),
    paused: readBoolean(o.paused, `${path}.paused`),
  };
  if (o.events === undefined) return state;
  const events = readArray(o.events, `${path}.events`, MAX_PROGRAMME_EVENTS, readProgrammeEvent);
  events.forEach((event, index) => {
    // Replaying the weeks walks events in order; one out of order (or before the start) would
    // rewrite a week already lived.
    const previous = index === 0 ? startedOn : events[index - 1]?.on;
    if (previous !== undefined && event.on < previous)
      throw new ValidationFailure(`${path}.events[${index}].on`, 'out of order');
  });
  return { ...state, events };
}

function readClockMs(input: unknown, path: string): number {
  return readNumber(input, path, { min: 0, max: MAX_CLOCK_MS });
}

/** A start and end on one clock, the end not before the start and not past `durationMs`. */
function readInterval(
  o: Record<string, unknown>,
  path: string,
  durationMs: number,
): { startMs: number; endMs: number } {
  const startMs = readClockMs(o.startMs, `${path}.startMs`);
  const endMs = readClockMs(o.endMs, `${path}.endMs`);
  if (endMs < startMs) throw new ValidationFailure(`${path}.endMs`, 'before startMs');
  if (endMs > durationMs) throw new ValidationFailure(`${path}.endMs`, 'after the replay ends');
  return { startMs, endMs };
}

function readImageSize(input: unknown, path: string): { width: number; height: number } {
  const o = readObject(input, path, ['width', 'height']);
  const side = (value: unknown, at: string) =>
    readNumber(value, at, { min: 1, max: 16_384, integer: true });
  return { width: side(o.width, `${path}.width`), height: side(o.height, `${path}.height`) };
}

export function readReplay(input: unknown, path: string): ReplayRecord {
  const o = readObject(input, path, [
    'id',
    'sessionId',
    'setIndex',
    'recordedAt',
    'exercise',
    'imageSize',
    'durationMs',
    'joints',
    'frames',
    'reps',
    'spans',
  ]);
  const sessionId = readId(o.sessionId, `${path}.sessionId`);
  const setIndex = readNumber(o.setIndex, `${path}.setIndex`, {
    min: 0,
    max: MAX_SETS_PER_SESSION,
    integer: true,
  });
  const id = readString(o.id, `${path}.id`, { maxLength: 2 * MAX_ID_LENGTH });
  if (id !== `${sessionId}/${String(setIndex)}`) {
    throw new ValidationFailure(`${path}.id`, 'not the set it belongs to');
  }
  const durationMs = readClockMs(o.durationMs, `${path}.durationMs`);
  const joints = readArray(o.joints, `${path}.joints`, MAX_REPLAY_JOINTS, (v, p) =>
    readOneOf(v, p, LANDMARK_NAMES),
  );
  const frames = readString(o.frames, `${path}.frames`, {
    maxLength: REPLAY_BUDGET_CHARS,
    pattern: /^[A-Za-z0-9+/]*={0,2}$/,
    patternName: 'base64',
  });
  const unpacked = unpackFrames(
    frames,
    joints.length,
    { maxFrames: MAX_REPLAY_FRAMES, maxOutlinePoints: MAX_REPLAY_OUTLINE_POINTS },
    `${path}.frames`,
  );
  if ((unpacked.at(-1)?.tMs ?? 0) > durationMs) {
    throw new ValidationFailure(`${path}.frames`, 'a frame after the replay ends');
  }
  const reps = readArray(o.reps, `${path}.reps`, MAX_REPLAY_REPS, (v, p): ReplayRep => {
    const rep = readObject(v, p, ['startMs', 'endMs', 'side', 'faults']);
    return {
      ...readInterval(rep, p, durationMs),
      side: readSide(rep.side, `${p}.side`),
      faults: readFaults(rep.faults, `${p}.faults`),
    };
  });
  const spans = readArray(o.spans, `${path}.spans`, MAX_REPLAY_SPANS, (v, p): ReplaySpan => {
    const span = readObject(v, p, ['kind', 'fault', 'startMs', 'endMs']);
    return {
      kind: readOneOf(span.kind, `${p}.kind`, REPLAY_SPAN_KINDS),
      fault: readFaultId(span.fault, `${p}.fault`),
      ...readInterval(span, p, durationMs),
    };
  });
  return {
    id,
    sessionId,
    setIndex,
    recordedAt: readIsoDateTime(o.recordedAt, `${path}.recordedAt`),
    exercise: readSlug(o.exercise, `${path}.exercise`),
    imageSize: readImageSize(o.imageSize, `${path}.imageSize`),
    durationMs,
    joints,
    frames,
    reps,
    spans,
  };
}
