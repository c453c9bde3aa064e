/**
 * The choices the app remembers between visits (localStorage), parsed defensively: a stored value
 * from an older version or edited by hand falls back to its default, field by field. Pure.
 */
import { isExerciseId } from '../content/exercises';
import type { ExerciseId, Strictness } from '../pose/exercises/types';
import type { EngineModel } from '../pose/pose';
import { EQUIPMENT } from '../storage';
import type { Equipment, Settings as StoredSettings } from '../storage';
import { DEFAULT_ENGINE, choiceByKey, choiceKey } from './engine-choices';
import { DEFAULT_REMINDER_SETTINGS, toReminderSettings } from './reminders/schedule';
import type { ReminderSettings } from './reminders/schedule';
import { DEFAULT_HOLD_PLAN, DEFAULT_REPS_PLAN, toHoldPlan, toRepsPlan } from './workout/plan';
import type { HoldPlan, RepsPlan } from './workout/plan';

export const SETTINGS_KEY = 'plumbline.settings.v1';

export interface Settings {
  /** The engine picked by hand; used when `autoEngine` is off. */
  readonly engine: EngineModel;
  /** "Auto": the most accurate model that keeps up on this machine (auto-engine.ts). */
  readonly autoEngine: boolean;
  readonly exercise: ExerciseId | null;
  readonly strictness: Strictness;
  readonly plans: { readonly reps: RepsPlan; readonly hold: HoldPlan };
  readonly muted: boolean;
  /** The privacy view: the camera's picture hidden, only the skeleton and outline drawn. */
  readonly privacyView: boolean;
  readonly safetyNoteDismissed: boolean;
  /** The camera picked last time; null = the browser's default. */
  readonly cameraId: string | null;
  readonly reminders: ReminderSettings;
  /** What the person trains with (none: bodyweight only); the Plan follows it. */
  readonly equipment: readonly Equipment[];
}

export const DEFAULT_SETTINGS: Settings = {
  engine: DEFAULT_ENGINE,
  autoEngine: true,
  exercise: null,
  strictness: 'beginner',
  plans: { reps: DEFAULT_REPS_PLAN, hold: DEFAULT_HOLD_PLAN },
  muted: false,
  privacyView: false,
  safetyNoteDismissed: false,
  cameraId: null,
  reminders: DEFAULT_REMINDER_SETTINGS,
  equipment: [],
};

/** The known equipment in `value`, each once, in EQUIPMENT's order; anything else is dropped. */
export function toEquipment(value: unknown): readonly Equipment[] {
  return Array.isArray(value) ? EQUIPMENT.filter((kind) => value.includes(kind)) : [];
}

export function parseSettings(text: string | null): Settings {
  if (text === null) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const plans = (typeof r.plans === 'object' && r.plans !== null ? r.plans : {}) as Record<
    string,
    unknown
  >;
  return {
    engine: (typeof r.engine === 'string' ? choiceByKey(r.engine) : undefined) ?? DEFAULT_ENGINE,
    autoEngine: r.autoEngine !== false,
    exercise: isExerciseId(r.exercise) ? r.exercise : null,
    strictness: r.strictness === 'advanced' ? 'advanced' : 'beginner',
    plans: { reps: toRepsPlan(plans.reps), hold: toHoldPlan(plans.hold) },
    muted: r.muted === true,
    privacyView: r.privacyView === true,
    safetyNoteDismissed: r.safetyNoteDismissed === true,
    cameraId: typeof r.cameraId === 'string' && r.cameraId !== '' ? r.cameraId : null,
    reminders: toReminderSettings(r.reminders),
    equipment: toEquipment(r.equipment),
  };
}

export function serialiseSettings(settings: Settings): string {
  return JSON.stringify({ ...settings, engine: choiceKey(settings.engine) });
}

/**
 * The settings kept beside the training data (IndexedDB), so that an export carries the coaching
 * choices its scores were made under. The engine is recorded as chosen by hand, or null for Auto.
 */
export function storedSettingsOf(settings: Settings): StoredSettings {
  return {
    strictness: settings.strictness,
    voiceCues: !settings.muted,
    preferredEngine: settings.autoEngine ? null : settings.engine.engine,
    equipment: settings.equipment,
  };
}

/**
 * What an imported backup changes here: the coaching choices and the person's equipment (kept as
 * it is when the backup predates it). The engine stays this device's own: which model keeps up
 * depends on the machine, not on the person.
 */
export function importedSettingsChange(stored: StoredSettings): Partial<Settings> {
  return {
    strictness: stored.strictness,
    muted: !stored.voiceCues,
    ...(stored.equipment === undefined ? {} : { equipment: toEquipment(stored.equipment) }),
  };
}
