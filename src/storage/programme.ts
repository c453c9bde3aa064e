/**
 * Settings, the 4-week programme's state and the weekly checklist: small records, each written in
 * one transaction. What the programme suggests for today is decided elsewhere from these.
 */
import {
  corruptReport,
  inReadTransaction,
  inWriteTransaction,
  readAllChecked,
  type CorruptRecordReport,
  type PlumblineDb,
  type ReadResult,
} from './db';
import { StorageError, type SaveAction } from './errors';
import {
  DEFAULT_SETTINGS,
  type ChecklistItem,
  type ChecklistWeek,
  type ProgrammeEvent,
  type ProgrammeState,
  type Settings,
} from './schema';
import { readChecklistWeek, readProgramme, readSettings } from './readers';
import { PROGRAMME_KEY, SETTINGS_KEY } from './layout';
import { check, readIsoDate, type Reader } from './validate';

/** A value read back, with the report if the stored one was damaged and a fallback used instead. */
export interface Loaded<T> {
  readonly value: T;
  readonly corrupt: CorruptRecordReport | null;
}

function refused(what: string, path: string, reason: string): StorageError {
  return new StorageError(
    'CORRUPT_RECORD',
    `Your ${what} had values Plumbline cannot store, so the change was not saved. (${path}: ${reason})`,
  );
}

function checkedForWrite<T>(reader: Reader<T>, value: T, what: string): T {
  const checked = check(reader, value, what);
  if (!checked.ok) throw refused(what, checked.path, checked.reason);
  return checked.value;
}

/** Settings, or the defaults if none are saved yet or the saved ones are damaged. */
export async function getSettings(db: PlumblineDb): Promise<Loaded<Settings>> {
  const raw: unknown = await inReadTransaction(db, ['settings'], (tx) =>
    tx.objectStore('settings').get(SETTINGS_KEY),
  );
  if (raw === undefined) return { value: DEFAULT_SETTINGS, corrupt: null };
  const checked = check(readSettings, raw, 'settings');
  return checked.ok
    ? { value: checked.value, corrupt: null }
    : {
        value: DEFAULT_SETTINGS,
        corrupt: corruptReport('settings', SETTINGS_KEY, checked.path, checked.reason),
      };
}

export async function saveSettings(db: PlumblineDb, settings: Settings): Promise<void> {
  const value = checkedForWrite(readSettings, settings, 'settings');
  await inWriteTransaction(db, ['settings'], 'settings', async (tx) => {
    await tx.objectStore('settings').put(value, SETTINGS_KEY);
  });
}

/** The programme, or null if none is started (or the saved one is damaged: see `corrupt`). */
export async function getProgramme(db: PlumblineDb): Promise<Loaded<ProgrammeState | null>> {
  const raw: unknown = await inReadTransaction(db, ['programme'], (tx) =>
    tx.objectStore('programme').get(PROGRAMME_KEY),
  );
  if (raw === undefined) return { value: null, corrupt: null };
  const checked = check(readProgramme, raw, 'programme');
  return checked.ok
    ? { value: checked.value, corrupt: null }
    : {
        value: null,
        corrupt: corruptReport('programme', PROGRAMME_KEY, checked.path, checked.reason),
      };
}

export async function saveProgramme(db: PlumblineDb, programme: ProgrammeState): Promise<void> {
  const value = checkedForWrite(readProgramme, programme, 'programme');
  await inWriteTransaction(db, ['programme'], 'programme', async (tx) => {
    await tx.objectStore('programme').put(value, PROGRAMME_KEY);
  });
}

/**
 * Records a pause, resume or pain stop on the running programme, in one transaction (the pain
 * button can fire while the Plan screen is saving). `paused` follows the event. Returns the saved
 * state, or null when no programme is running (nothing to record). A damaged stored programme is
 * not overwritten: CORRUPT_RECORD.
 */
export async function addProgrammeEvent(
  db: PlumblineDb,
  event: ProgrammeEvent,
): Promise<ProgrammeState | null> {
  return inWriteTransaction(db, ['programme'], 'programme', async (tx) => {
    const store = tx.objectStore('programme');
    const raw: unknown = await store.get(PROGRAMME_KEY);
    if (raw === undefined) return null;
    const current = check(readProgramme, raw, 'programme');
    if (!current.ok)
      throw corruptReport('programme', PROGRAMME_KEY, current.path, current.reason).error;
    const next = checkedForWrite(
      readProgramme,
      {
        ...current.value,
        paused: event.kind !== 'resume',
        events: [...(current.value.events ?? []), event],
      },
      'programme',
    );
    await store.put(next, PROGRAMME_KEY);
    return next;
  });
}

export async function clearProgramme(db: PlumblineDb): Promise<void> {
  await inWriteTransaction(db, ['programme'], 'delete', async (tx) => {
    await tx.objectStore('programme').delete(PROGRAMME_KEY);
  });
}

/** Every checklist week, oldest first; damaged weeks are skipped and listed in `corrupt`. */
export async function listChecklistWeeks(db: PlumblineDb): Promise<ReadResult<ChecklistWeek>> {
  // Keys are YYYY-MM-DD, so key order is date order.
  return readAllChecked(db, 'checklist', readChecklistWeek);
}

/**
 * Ticks (or unticks) one item of one week, in one transaction. A damaged stored week is not
 * overwritten (its other ticks might be recoverable from an export): CORRUPT_RECORD instead.
 */
export async function setChecklistItem(
  db: PlumblineDb,
  weekStart: string,
  itemId: string,
  item: ChecklistItem,
): Promise<ChecklistWeek> {
  const action: SaveAction = 'checklist';
  const week = readIsoDateOrRefuse(weekStart);
  return inWriteTransaction(db, ['checklist'], action, async (tx) => {
    const store = tx.objectStore('checklist');
    const raw: unknown = await store.get(week);
    let items: Readonly<Record<string, ChecklistItem>> = {};
    if (raw !== undefined) {
      const current = check(readChecklistWeek, raw, 'checklist');
      if (!current.ok) throw corruptReport('checklist', week, current.path, current.reason).error;
      items = current.value.items;
    }
    const next = checkedForWrite(
      readChecklistWeek,
      { weekStart: week, items: { ...items, [itemId]: item } },
      'checklist',
    );
    await store.put(next);
    return next;
  });
}

function readIsoDateOrRefuse(weekStart: string): string {
  const checked = check(readIsoDate, weekStart, 'weekStart');
  if (!checked.ok) throw refused('checklist', checked.path, checked.reason);
  return checked.value;
}
