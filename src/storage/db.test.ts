import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPlumblineDb } from './db';
import { StorageError, toStorageError } from './errors';
import { DB_NAME, DB_VERSION, MIGRATIONS } from './layout';
import { addEnduranceResult, listEnduranceResults } from './endurance';
import { caught, makeEnduranceRecord, makeSession } from './testing';
import { getSession, listSessions, personalBests } from './workouts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A session as version 1 stored it: no `endedAt`. */
function v1Session(id: string, lastSetEnd: string | null): Record<string, unknown> {
  const session = makeSession({ id });
  const set = session.sets[0];
  const v1: Record<string, unknown> = {
    ...session,
    sets: set ? [{ ...set, endedAt: lastSetEnd }] : [],
  };
  delete v1.endedAt;
  return v1;
}

describe('migrations', () => {
  it('are numbered 1, 2, ... with the last one the version this build opens', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(DB_VERSION).toBe(MIGRATIONS.length);
  });

  it('upgrade a version 1 database with data to version 2 and keep every record', async () => {
    const v1 = await openPlumblineDb({ version: 1 });
    expect([...v1.objectStoreNames].sort()).toEqual([
      'checklist',
      'programme',
      'sessions',
      'settings',
      'snapshots',
    ]);
    expect([...v1.transaction('sessions').store.indexNames]).toEqual(['by-startedAt']);
    const raw = v1 as unknown as { put(store: string, value: unknown): Promise<IDBValidKey> };
    await raw.put('sessions', v1Session('finished', '2025-03-03T07:01:10.000Z'));
    await raw.put('sessions', v1Session('cut-short', null));
    await raw.put('sessions', { id: 'damaged', sets: 'oops' }); // the migration must step over it
    v1.close();

    const v2 = await openPlumblineDb({ version: 2 });
    expect(v2.version).toBe(2);
    expect([...v2.transaction('sessions').store.indexNames].sort()).toEqual([
      'by-exercise',
      'by-startedAt',
    ]);
    expect((await getSession(v2, 'finished'))?.endedAt).toBe('2025-03-03T07:01:10.000Z');
    expect((await getSession(v2, 'cut-short'))?.endedAt).toBeNull();
    // Everything else about the records is unchanged.
    expect(await getSession(v2, 'finished')).toEqual({
      ...v1Session('finished', '2025-03-03T07:01:10.000Z'),
      endedAt: '2025-03-03T07:01:10.000Z',
    });
    // The new index works, and the damaged record is reported, not lost.
    expect((await listSessions(v2, { exercise: 'bird-dog' })).records).toHaveLength(2);
    expect((await personalBests(v2)).corrupt).toHaveLength(1);
    expect(await v2.count('sessions')).toBe(3);
    v2.close();
  });
});

describe('version 3', () => {
  it('adds the endurance store to a version 2 database and keeps its workouts', async () => {
    const v2 = await openPlumblineDb({ version: 2 });
    await v2.put('sessions', makeSession({ id: 'kept' }));
    v2.close();
    const v3 = await openPlumblineDb({ version: 3 });
    expect(v3.version).toBe(3);
    expect([...v3.objectStoreNames]).toContain('endurance');
    expect(await getSession(v3, 'kept')).toEqual(makeSession({ id: 'kept' }));
    await addEnduranceResult(v3, makeEnduranceRecord());
    expect((await listEnduranceResults(v3)).records).toEqual([makeEnduranceRecord()]);
    v3.close();
  });

  it('refuses an endurance result it cannot store, writing nothing', async () => {
    const db = await openPlumblineDb();
    const error = await caught(
      addEnduranceResult(db, makeEnduranceRecord({ heldSeconds: Number.NaN })),
    );
    expect(error.code).toBe('CORRUPT_RECORD');
    await expect(
      addEnduranceResult(db, makeEnduranceRecord({ stoppedBy: 'fell-asleep' })),
    ).rejects.toThrow(/stoppedBy/);
    expect((await listEnduranceResults(db)).records).toEqual([]);
    db.close();
  });
});

describe('a blocked upgrade', () => {
  it('gives BLOCKED_UPGRADE while an older tab keeps the database open, then opens once it closes', async () => {
    (await openPlumblineDb({ version: 1 })).close();
    // An older build in another tab: it does not close when asked (no versionchange handler).
    const olderTab = await openDB(DB_NAME, 1);

    const error = await caught(openPlumblineDb());
    expect(error.code).toBe('BLOCKED_UPGRADE');
    expect(error.message).toMatch(
      /Close the other Plumbline tabs, then reload this one. Nothing has been lost./,
    );

    olderTab.close();
    // The pending upgrade completes and its orphan connection closes itself; a retry opens.
    const db = await openPlumblineDb();
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('steps aside when a newer tab upgrades, and says the connection is lost', async () => {
    const onConnectionLost = vi.fn<(error: StorageError) => void>();
    const db = await openPlumblineDb({ onConnectionLost });
    await openDB(DB_NAME, DB_VERSION + 1).then((newer) => {
      newer.close();
    });
    expect(onConnectionLost).toHaveBeenCalledOnce();
    expect(onConnectionLost.mock.calls[0]?.[0].code).toBe('UNAVAILABLE');
    // Later calls on the closed connection fail with a clear message, not a raw DOMException.
    const error = await caught(getSession(db, 'x'));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/Reload this page/);
  });
});

describe('opening', () => {
  it('gives UNAVAILABLE when the browser has no IndexedDB (some private windows)', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const error = await caught(openPlumblineDb());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/workouts will not be kept/);
  });

  it('says reload when the stored database is newer than this build', async () => {
    (await openDB(DB_NAME, DB_VERSION + 1)).close();
    const error = await caught(openPlumblineDb());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/newer version of Plumbline/);
  });

  it('rolls a failed migration back whole and says so', async () => {
    const v1 = await openPlumblineDb({ version: 1 });
    const raw = v1 as unknown as { put(store: string, value: unknown): Promise<IDBValidKey> };
    await raw.put('sessions', v1Session('kept', null));
    v1.close();
    const step = MIGRATIONS[1];
    if (!step) throw new Error('no v2 migration');
    vi.spyOn(step, 'migrate').mockImplementationOnce(() => {
      throw new Error('bug in a migration');
    });
    const error = await caught(openPlumblineDb());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/left it exactly as it was/);
    const still = await openDB(DB_NAME);
    expect(still.version).toBe(1);
    expect(await still.get('sessions', 'kept')).toEqual(v1Session('kept', null));
    still.close();
  });
});

describe('toStorageError', () => {
  it('maps quota errors by name, through causes, and passes StorageErrors through', () => {
    expect(toStorageError(new DOMException('x', 'QuotaExceededError'), 'snapshot').message).toBe(
      'Your device is out of storage space: this posture snapshot was not saved. Free some space or export your data.',
    );
    const wrapped = new Error('aborted', { cause: new DOMException('x', 'QuotaExceededError') });
    expect(toStorageError(wrapped, 'import').code).toBe('QUOTA_EXCEEDED');
    const own = new StorageError('TOO_LARGE', 'big');
    expect(toStorageError(own, 'import')).toBe(own);
    expect(toStorageError(new DOMException('x', 'UnknownError'), 'rep').code).toBe('UNAVAILABLE');
  });
});
