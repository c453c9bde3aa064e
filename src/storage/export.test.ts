import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPlumblineDb, type PlumblineDb } from './db';
import {
  EXPORT_FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  deleteAllData,
  exportAll,
  toJson,
  type PlumblineExport,
} from './export';
import { replaysToCsv, snapshotsToCsv, toCsv } from './csv';
import { importAll, importFile } from './import';
import {
  getProgramme,
  getSettings,
  saveProgramme,
  saveSettings,
  setChecklistItem,
} from './programme';
import { MAX_THUMBNAIL_CHARS } from './schema';
import { addSnapshot } from './snapshots';
import { addEnduranceResult, listEnduranceResults } from './endurance';
import { listReplayIds, replayRecordOf, saveReplay } from './replays';
import {
  caught,
  dumpAll,
  failNthCall,
  makeEnduranceRecord,
  makeReplayTrack,
  makeRep,
  makeSession,
  makeSet,
  makeSnapshot,
} from './testing';
import { appendRep, startSession, startSet } from './workouts';

let db: PlumblineDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openPlumblineDb();
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** Some of everything, through the public API. */
async function fill(target: PlumblineDb): Promise<void> {
  const session = await startSession(target, {
    id: 'live',
    exercise: 'bird-dog',
    strictness: 'advanced',
    plan: { programmeWeek: 2, targetSets: 3, targetReps: 10, targetHoldSeconds: null },
    startedAt: '2025-03-05T18:00:00.000Z',
  });
  const set = await startSet(target, session.id, '2025-03-05T18:00:05.000Z');
  await appendRep(
    target,
    session.id,
    set,
    makeRep({ faults: ['bird-dog.hip-rotation', 'bird-dog.short-reach'] }),
  );
  await target.put('sessions', makeSession());
  await saveReplay(
    target,
    replayRecordOf(makeReplayTrack(), {
      sessionId: 'session-1',
      setIndex: 0,
      recordedAt: '2025-03-03T07:01:10.000Z',
    }),
  );
  await addSnapshot(target, makeSnapshot());
  await addSnapshot(
    target,
    makeSnapshot({ id: 'snap-2', thumbnail: null, source: 'photo', view: 'front', metrics: {} }),
  );
  await saveSettings(target, {
    strictness: 'advanced',
    voiceCues: false,
    preferredEngine: 'movenet',
    equipment: ['kettlebell', 'band-or-cable'],
  });
  await saveProgramme(target, {
    startedOn: '2025-03-03',
    week: 2,
    completedSessionIds: ['session-1'],
    paused: false,
  });
  await setChecklistItem(target, '2025-03-03', 'bird-dog', { done: true, by: 'app' });
  await setChecklistItem(target, '2025-03-03', 'wall-posture', { done: false, by: 'person' });
  await addEnduranceResult(target, makeEnduranceRecord());
  await addEnduranceResult(
    target,
    makeEnduranceRecord({
      id: 'endurance-2',
      test: 'flexor',
      stoppedBy: 'trunk-flexor-hold.trunk-dropped',
    }),
  );
}

async function exportText(source: PlumblineDb): Promise<string> {
  return toJson((await exportAll(source, '2025-03-06T00:00:00.000Z', { replays: true })).data);
}

describe('export then import', () => {
  it('restores exactly the same data into an empty database', async () => {
    await fill(db);
    const before = await dumpAll(db);
    const text = await exportText(db);

    globalThis.indexedDB = new IDBFactory(); // another device
    const other = await openPlumblineDb();
    const summary = await importAll(other, text, { mode: 'replace' });
    expect(summary).toEqual({
      sessions: 2,
      snapshots: 2,
      checklistWeeks: 1,
      settings: true,
      programme: true,
      enduranceResults: 2,
      replays: 1,
      replaysSkipped: 0,
    });
    expect(await dumpAll(other)).toEqual(before);
    expect(await exportText(other)).toBe(text);
    other.close();
  });

  it('carries the set replays in the backup only, not in what the History reads', async () => {
    await fill(db);
    expect((await exportAll(db)).data.replays).toBeUndefined();
    const backup = JSON.parse(await exportText(db)) as PlumblineExport;
    expect(backup.replays?.map((r) => r.id)).toEqual(['session-1/0']);
  });

  it('leaves out a malformed replay, or one without its workout, and imports everything else', async () => {
    await fill(db);
    const file = JSON.parse(await exportText(db)) as PlumblineExport;
    const [good] = file.replays ?? [];
    if (!good) throw new Error('no replay exported');
    const text = JSON.stringify({
      ...file,
      replays: [
        good,
        { ...good, id: 'session-1/1', setIndex: 1, frames: 'A' },
        { ...good, id: 'elsewhere/0', sessionId: 'elsewhere' },
      ],
    });
    const before = await dumpAll(db);
    await deleteAllData(db);
    const summary = await importAll(db, text, { mode: 'replace' });
    expect(summary).toMatchObject({ sessions: 2, replays: 1, replaysSkipped: 2 });
    expect(await listReplayIds(db)).toEqual(new Set(['session-1/0']));
    expect(await dumpAll(db)).toEqual(before);
  });

  it('writes a versioned object', async () => {
    await fill(db);
    const { data, skipped } = await exportAll(db, '2025-03-06T00:00:00.000Z');
    expect(data).toMatchObject({
      app: 'plumbline',
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: '2025-03-06T00:00:00.000Z',
    });
    expect(skipped).toEqual([]);
  });

  it('leaves a damaged record out and says so, exporting the rest', async () => {
    await fill(db);
    await db.put('snapshots', {
      ...makeSnapshot({ id: 'bad' }),
      metrics: { angle: 'ninety' },
    } as unknown as ReturnType<typeof makeSnapshot>);
    const { data, skipped } = await exportAll(db);
    expect(data.snapshots.map((s) => s.id)).toEqual(['snap-1', 'snap-2']);
    expect(skipped.map((s) => [s.store, s.key])).toEqual([['snapshots', 'bad']]);
  });

  it('carries the equipment through an export and import, and imports an older file without it', async () => {
    await fill(db);
    const text = await exportText(db);
    await deleteAllData(db);
    await importAll(db, text, { mode: 'replace' });
    expect((await getSettings(db)).value.equipment).toEqual(['kettlebell', 'band-or-cable']);
    const older = JSON.parse(text) as { settings: Record<string, unknown> };
    delete older.settings.equipment;
    await deleteAllData(db);
    await importAll(db, JSON.stringify(older), { mode: 'replace' });
    expect((await getSettings(db)).value).toEqual({
      strictness: 'advanced',
      voiceCues: false,
      preferredEngine: 'movenet',
    });
  });

  it('carries each rep’s tempo and kept measures and each side’s hold through an export and import, and imports older records without them', async () => {
    const withMeasures = makeSession({
      id: 'measured',
      sets: [
        makeSet(0, {
          reps: [
            makeRep({ tempo: { lowerMs: 933, pauseMs: 1800, liftMs: 1067 } }),
            makeRep({ side: 'right', tempo: { lowerMs: null, pauseMs: null, liftMs: 400 } }),
            makeRep({
              side: null,
              measures: { hipAngleDeg: 44, backRoundingDeg: 6.5, upperBackRoundingDeg: -3 },
            }),
          ],
        }),
        makeSet(1, {
          reps: [],
          holdSeconds: 30,
          goodFormShare: 1,
          sideHoldSeconds: { left: 16, right: 14 },
        }),
      ],
    });
    await db.put('sessions', withMeasures);
    const text = await exportText(db);
    await deleteAllData(db);
    await importAll(db, text, { mode: 'replace' });
    expect(await db.get('sessions', 'measured')).toEqual(withMeasures);
    // A file written before them (no tempo, no sides) still imports.
    const older = JSON.parse(text) as { sessions: { sets: Record<string, unknown>[] }[] };
    for (const set of older.sessions[0]?.sets ?? []) {
      delete set.sideHoldSeconds;
      for (const rep of set.reps as Record<string, unknown>[]) {
        delete rep.tempo;
        delete rep.measures;
      }
    }
    await deleteAllData(db);
    expect((await importAll(db, JSON.stringify(older), { mode: 'replace' })).sessions).toBe(1);
    // A damaged tempo is refused, naming where.
    const damaged = JSON.parse(text) as {
      sessions: { sets: { reps: Record<string, unknown>[] }[] }[];
    };
    const rep = damaged.sessions[0]?.sets[0]?.reps[0];
    if (rep) rep.tempo = { lowerMs: -5, pauseMs: null, liftMs: 1 };
    const error = await caught(importAll(db, JSON.stringify(damaged), { mode: 'replace' }));
    expect(error.message).toMatch(/tempo\.lowerMs/);
    // So is a kept measure the app does not know, or one no angle can be.
    for (const [measures, where] of [
      [{ kneeAngleDeg: 90 }, /measures\.kneeAngleDeg/],
      [{ hipAngleDeg: 1e9 }, /measures\.hipAngleDeg/],
      [{ backRoundingDeg: '5' }, /measures\.backRoundingDeg/],
    ] as const) {
      const odd = JSON.parse(text) as typeof damaged;
      const third = odd.sessions[0]?.sets[0]?.reps[2];
      if (third) third.measures = measures;
      expect(
        (await caught(importAll(db, JSON.stringify(odd), { mode: 'replace' }))).message,
      ).toMatch(where);
    }
  });

  it('carries the endurance results, and imports an older file without them', async () => {
    await fill(db);
    const text = await exportText(db);
    const data = JSON.parse(text) as { endurance?: unknown[] };
    expect(data.endurance).toEqual([
      makeEnduranceRecord(),
      makeEnduranceRecord({
        id: 'endurance-2',
        test: 'flexor',
        stoppedBy: 'trunk-flexor-hold.trunk-dropped',
      }),
    ]);
    delete data.endurance;
    await deleteAllData(db);
    const summary = await importAll(db, JSON.stringify(data), { mode: 'replace' });
    expect(summary.enduranceResults).toBe(0);
    expect((await listEnduranceResults(db)).records).toEqual([]);
  });

  it('exports null settings when none were saved, so an import keeps the importer’s own', async () => {
    const { data } = await exportAll(db);
    expect(data.settings).toBeNull();
    await saveSettings(db, { strictness: 'advanced', voiceCues: true, preferredEngine: null });
    await importAll(db, toJson(data), { mode: 'merge' });
    expect((await getSettings(db)).value.strictness).toBe('advanced');
  });

  it('replace removes what the file does not hold; merge keeps it', async () => {
    await fill(db);
    const text = await exportText(db);
    await db.put('sessions', makeSession({ id: 'newer' }));

    await importAll(db, text, { mode: 'merge' });
    expect(await db.count('sessions')).toBe(3);
    await importAll(db, text, { mode: 'replace' });
    expect(await db.count('sessions')).toBe(2);
  });
});

describe('a full disk during import', () => {
  it('changes nothing', async () => {
    await fill(db);
    const text = await exportText(db);
    await deleteAllData(db);
    await db.put('sessions', makeSession({ id: 'only' }));
    const before = await dumpAll(db);

    failNthCall('put', 3, new DOMException('full', 'QuotaExceededError'));
    const error = await caught(importAll(db, text, { mode: 'replace' }));
    vi.restoreAllMocks();

    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.message).toMatch(/nothing was imported and your data is unchanged/);
    expect(await dumpAll(db)).toEqual(before);
  });
});

describe('a malformed, oversized or hostile import', () => {
  let valid: PlumblineExport;

  beforeEach(async () => {
    await fill(db);
    valid = (await exportAll(db, '2025-03-06T00:00:00.000Z')).data;
    // The database that must not change: different from the file, so a partial import would show.
    await deleteAllData(db);
    await db.put('sessions', makeSession({ id: 'mine' }));
    await saveSettings(db, { strictness: 'beginner', voiceCues: true, preferredEngine: null });
  });

  /** The valid export as JSON with one change made to the parsed object. */
  function edited(change: (file: Record<string, unknown>) => void): string {
    const file = JSON.parse(toJson(valid)) as Record<string, unknown>;
    change(file);
    return JSON.stringify(file);
  }

  function firstSession(file: Record<string, unknown>): Record<string, unknown> {
    return (file.sessions as Record<string, unknown>[])[0] as Record<string, unknown>;
  }

  function firstSet(file: Record<string, unknown>): Record<string, unknown> {
    return (firstSession(file).sets as Record<string, unknown>[])[0] as Record<string, unknown>;
  }

  function firstSnapshot(file: Record<string, unknown>): Record<string, unknown> {
    return (file.snapshots as Record<string, unknown>[])[0] as Record<string, unknown>;
  }

  function firstRep(file: Record<string, unknown>): Record<string, unknown> {
    const set = (firstSession(file).sets as Record<string, unknown>[])[0] as Record<
      string,
      unknown
    >;
    return (set.reps as Record<string, unknown>[])[0] as Record<string, unknown>;
  }

  const huge = 'x'.repeat(10_000);

  const cases: readonly (readonly [string, () => string, RegExp])[] = [
    ['not JSON', () => '{"app": "plumbline", ', /not valid JSON/],
    ['an empty file', () => '', /not valid JSON/],
    ['a JSON list', () => '[]', /expected an object, got an array/],
    [
      'another app’s file',
      () => edited((f) => (f.app = 'other')),
      /file\.app: not a Plumbline export/,
    ],
    [
      'an unknown format version',
      () => edited((f) => (f.formatVersion = 99)),
      /formatVersion: a format this version/,
    ],
    ['a format version as text', () => edited((f) => (f.formatVersion = '1')), /formatVersion/],
    ['a missing list', () => edited((f) => delete f.sessions), /file\.sessions: missing/],
    [
      'an unknown top-level field',
      () => edited((f) => (f.extra = 1)),
      /file\.extra: unknown field/,
    ],
    [
      '__proto__ at the top',
      () => toJson(valid).replace('{', '{"__proto__": {"polluted": true},'),
      /__proto__: forbidden key/,
    ],
    [
      '__proto__ inside metrics',
      () =>
        toJson(valid).replace(
          '"forwardHeadDeg"',
          '"__proto__": {"isAdmin": true}, "forwardHeadDeg"',
        ),
      /__proto__: forbidden key/,
    ],
    [
      'constructor as a checklist item',
      () =>
        toJson(valid).replace(
          '"bird-dog": {',
          '"constructor": {"done": true, "by": "app"}, "bird-dog": {',
        ),
      /constructor: forbidden key/,
    ],
    [
      'a number as text',
      () => edited((f) => (firstRep(f).startMs = '1000')),
      /startMs: expected a number, got a string/,
    ],
    [
      'an infinite number (1e400)',
      () => toJson(valid).replace('"startMs": 1000', '"startMs": 1e400'),
      /startMs: not a finite number/,
    ],
    ['a huge number', () => edited((f) => (firstRep(f).endMs = 1e300)), /endMs: outside/],
    ['a negative time', () => edited((f) => (firstRep(f).startMs = -5)), /startMs: outside/],
    [
      'a rep that ends before it starts',
      () => edited((f) => (firstRep(f).endMs = 10)),
      /endMs: before startMs/,
    ],
    [
      'a good-form share above 1',
      () => edited((f) => (firstSet(f).goodFormShare = 1.5)),
      /goodFormShare: outside 0 to 1/,
    ],
    [
      'an unknown side',
      () => edited((f) => (firstRep(f).side = 'middle')),
      /side: expected one of left, right/,
    ],
    [
      'an over-long exercise id',
      () => edited((f) => (firstSession(f).exercise = huge)),
      /exercise: longer than 32 characters/,
    ],
    [
      'an over-long fault',
      () => edited((f) => (firstRep(f).faults = [huge])),
      /faults\[0\]: longer than/,
    ],
    [
      'a fault with markup',
      () => edited((f) => (firstRep(f).faults = ['<img src=x onerror=alert(1)>'])),
      /not a fault id/,
    ],
    [
      'an impossible date',
      () => edited((f) => (firstSession(f).startedAt = '2025-02-30T07:00:00.000Z')),
      /startedAt: not a real date/,
    ],
    [
      'a local-time date',
      () => edited((f) => (firstSession(f).startedAt = '2025-03-01 07:00')),
      /startedAt: not an ISO date-time/,
    ],
    [
      'duplicate session ids',
      () => edited((f) => (f.sessions = [firstSession(f), firstSession(f)])),
      /duplicate id/,
    ],
    ['sets out of order', () => edited((f) => (firstSet(f).index = 4)), /index: out of order/],
    [
      'an SVG thumbnail',
      () => edited((f) => (firstSnapshot(f).thumbnail = 'data:image/svg+xml;base64,PHN2Zz4=')),
      /thumbnail: not a JPEG, PNG or WebP data URL/,
    ],
    [
      'a javascript: thumbnail',
      () => edited((f) => (firstSnapshot(f).thumbnail = 'javascript:alert(1)')),
      /thumbnail/,
    ],
    [
      'an oversized thumbnail',
      () =>
        edited(
          (f) =>
            (firstSnapshot(f).thumbnail =
              `data:image/png;base64,${'A'.repeat(MAX_THUMBNAIL_CHARS)}`),
        ),
      /thumbnail: longer than/,
    ],
    [
      'too many metrics',
      () =>
        edited(
          (f) =>
            (firstSnapshot(f).metrics = Object.fromEntries(
              Array.from({ length: 65 }, (_, i) => [`m${i}`, i]),
            )),
        ),
      /metrics: more than 64 entries/,
    ],
    [
      'a settings object with a wrong type',
      () =>
        edited(
          (f) => (f.settings = { strictness: 'beginner', voiceCues: 'yes', preferredEngine: null }),
        ),
      /voiceCues: expected true or false/,
    ],
    [
      'programme week 5',
      () =>
        edited(
          (f) =>
            (f.programme = {
              startedOn: '2025-03-03',
              week: 5,
              completedSessionIds: [],
              paused: false,
            }),
        ),
      /week: outside 1 to 4/,
    ],
    [
      'a session id with a path in it',
      () => edited((f) => (firstSession(f).id = '../../etc')),
      /id: not an id/,
    ],
    [
      'a deeply nested value',
      () => toJson(valid).replace('"faults": []', `"faults": ${'['.repeat(50)}${']'.repeat(50)}`),
      /faults\[0\]: expected a string, got an array/,
    ],
    [
      'nesting deep enough to exhaust the stack',
      () =>
        toJson(valid).replace(
          '"faults": []',
          `"faults": ${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        ),
      /nested too deeply to read/,
    ],
  ];

  it.each(cases)(
    'refuses %s with INVALID_IMPORT and changes nothing',
    async (_name, makeText, detail) => {
      const before = await dumpAll(db);
      const error = await caught(importAll(db, makeText(), { mode: 'replace' }));
      expect(error.code).toBe('INVALID_IMPORT');
      expect(error.message).toMatch(
        /^This file is not a Plumbline export Plumbline can read, so nothing was imported and your data is unchanged\./,
      );
      expect(error.message).toMatch(detail);
      expect(await dumpAll(db)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it('refuses text over the size limit with TOO_LARGE before parsing it', async () => {
    const before = await dumpAll(db);
    const parse = vi.spyOn(JSON, 'parse');
    const text = toJson(valid).replace(
      '"exportedAt"',
      `"padding": "${' '.repeat(MAX_IMPORT_BYTES)}", "exportedAt"`,
    );
    const error = await caught(importAll(db, text, { mode: 'replace' }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(
      /^This file is 20\.0 MB, more than the 20\.0 MB a Plumbline export can be, so nothing was imported/,
    );
    expect(parse).not.toHaveBeenCalled();
    expect(await dumpAll(db)).toEqual(before);
  });

  it('counts bytes, not characters: 7 M three-byte characters are 21 MB', async () => {
    const error = await caught(importAll(db, '€'.repeat(7 * 1024 * 1024), { mode: 'merge' }));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const file = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    const text = vi.spyOn(file, 'text');
    const error = await caught(importFile(db, file, { mode: 'replace' }));
    expect(error.code).toBe('TOO_LARGE');
    expect(text).not.toHaveBeenCalled();
  });

  it('imports a good file given as a Blob', async () => {
    const summary = await importFile(db, new Blob([toJson(valid)]), { mode: 'merge' });
    expect(summary.sessions).toBe(2);
    expect(await db.count('sessions')).toBe(3);
  });
});

describe('CSV', () => {
  it('writes one row per rep, one row for a hold set, with RFC 4180 quoting', () => {
    const session = makeSession({
      id: 'with,comma',
      exercise: 'bird-dog',
      sets: [
        makeSet(0, {
          startedAt: '2025-03-03T07:00:10.000Z',
          endedAt: null,
          reps: [
            makeRep({
              side: 'left',
              faults: [],
              tempo: { lowerMs: 900, pauseMs: 1200, liftMs: 700 },
            }),
            makeRep({
              side: null,
              faults: ['bird-dog.hip-rotation', 'bird-dog.short-reach'],
              rangeOfMotion: { min: -4.5, max: 90 },
            }),
          ],
        }),
        makeSet(1, {
          reps: [],
          holdSeconds: 31.5,
          goodFormShare: 1,
          sideHoldSeconds: { left: 16.5, right: 15 },
          faultSeconds: { 'side-plank.hips-dropping': 4.2, 'side-plank.body-rotation': 0.8 },
        }),
      ],
    });
    const lines = toCsv([session]).split('\r\n');
    expect(lines[0]).toBe(
      'session_id,session_started_at,exercise,strictness,set_index,set_started_at,set_ended_at,set_hold_seconds,set_good_form_share,set_hold_left_seconds,set_hold_right_seconds,set_fault_seconds,rep_index,side,start_ms,end_ms,faults,range_min_deg,range_max_deg,tempo_lower_ms,tempo_pause_ms,tempo_lift_ms,lowest_hip_angle_deg,lumbar_curve_deg,upper_back_curve_deg,squat_depth_thigh_deg',
    );
    expect(lines[1]).toBe(
      '"with,comma",2025-03-03T07:00:00.000Z,bird-dog,beginner,0,2025-03-03T07:00:10.000Z,,0,0.5,,,,0,left,1000,3500,,12.5,88,900,1200,700,,,,',
    );
    // A rep written before tempo was timed leaves its tempo empty.
    expect(lines[2]).toBe(
      '"with,comma",2025-03-03T07:00:00.000Z,bird-dog,beginner,0,2025-03-03T07:00:10.000Z,,0,0.5,,,,1,,1000,3500,bird-dog.hip-rotation;bird-dog.short-reach,-4.5,90,,,,,,,',
    );
    expect(lines[3]).toBe(
      '"with,comma",2025-03-03T07:00:00.000Z,bird-dog,beginner,1,2025-03-03T07:00:10.000Z,2025-03-03T07:01:10.000Z,31.5,1,16.5,15,side-plank.hips-dropping:4.2;side-plank.body-rotation:0.8,,,,,,,,,,,,,,',
    );
    expect(lines).toHaveLength(5); // header, 3 rows, and the final line ending
    expect(lines[4]).toBe('');
  });

  it("writes what each hinge rep kept: its lowest hip angle and its back's curve", () => {
    const pull = makeRep({
      side: null,
      faults: ['hinge.rounded-back'],
      measures: { hipAngleDeg: 43.5, backRoundingDeg: 25.2, upperBackRoundingDeg: 7 },
    });
    const seenFromTheFront = makeRep({ side: null, measures: {} });
    const session = makeSession({
      exercise: 'deadlift',
      sets: [makeSet(0, { reps: [pull, seenFromTheFront] })],
    });
    const rows = toCsv([session]).split('\r\n');
    expect(rows[1]?.endsWith(',hinge.rounded-back,12.5,88,,,,43.5,25.2,7,')).toBe(true);
    expect(rows[2]?.endsWith(',12.5,88,,,,,,,')).toBe(true);
  });

  it("writes each squat rep's depth, the thigh at its bottom against parallel", () => {
    const deep = makeRep({ side: null, measures: { repBottomThighDeg: -8.4, backRoundingDeg: 3 } });
    const session = makeSession({ exercise: 'squat', sets: [makeSet(0, { reps: [deep] })] });
    expect(toCsv([session]).split('\r\n')[1]?.endsWith(',12.5,88,,,,,3,,-8.4')).toBe(true);
  });

  it('doubles quotes, quotes line breaks, and defuses spreadsheet formulas in text', () => {
    // Ids like these never pass the readers, but toCsv is pure and must be safe on any text.
    const csv = toCsv([
      makeSession({ id: '=HYPERLINK("x")', sets: [makeSet(0, { reps: [makeRep()] })] }),
    ]);
    expect(csv.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)",/);
    const odd = snapshotsToCsv([makeSnapshot({ id: 'x"y\nz', metrics: { a: 1 } })]);
    expect(odd.split('\r\n')[1]).toBe(
      '"x""y\nz",2025-03-04T08:00:00.000Z,camera,side,posture.forward-head,a,1',
    );
  });

  it('writes each replayed set’s fault spans and reps on the set’s clock', () => {
    const replay = replayRecordOf(makeReplayTrack(), {
      sessionId: 's1',
      setIndex: 0,
      recordedAt: '2025-03-03T07:01:10.000Z',
    });
    expect(replaysToCsv([replay]).split('\r\n')).toEqual([
      'session_id,set_index,exercise,recorded_at,set_ms,kind,fault,side,start_ms,end_ms',
      's1,0,plank,2025-03-03T07:01:10.000Z,1900,fault,plank.hips-sagging,,1000,1500',
      's1,0,plank,2025-03-03T07:01:10.000Z,1900,unsure,plank.hips-sagging,,1500,1900',
      's1,0,plank,2025-03-03T07:01:10.000Z,1900,rep,plank.hips-sagging,,100,1500',
      '',
    ]);
  });

  it('writes snapshots one row per metric, and one row for a snapshot without metrics', () => {
    const csv = snapshotsToCsv([
      makeSnapshot(),
      makeSnapshot({ id: 'empty', metrics: {}, faults: [] }),
    ]);
    expect(csv).toBe(
      'snapshot_id,taken_at,source,view,faults,metric,value\r\n' +
        'snap-1,2025-03-04T08:00:00.000Z,camera,side,posture.forward-head,forwardHeadDeg,14.2\r\n' +
        'snap-1,2025-03-04T08:00:00.000Z,camera,side,posture.forward-head,shoulderTiltDeg,-2\r\n' +
        'empty,2025-03-04T08:00:00.000Z,camera,side,,,\r\n',
    );
  });
});

describe('delete all my data', () => {
  it('empties every store and the app carries on', async () => {
    await fill(db);
    await deleteAllData(db);
    const dump = await dumpAll(db);
    expect(Object.values(dump).every((entries) => entries.length === 0)).toBe(true);
    expect((await getProgramme(db)).value).toBeNull();
    expect((await getSettings(db)).value.strictness).toBe('beginner');
    await startSession(db, { exercise: 'plank', strictness: 'beginner', plan: null });
    expect(await db.count('sessions')).toBe(1);
  });
});
