/** Trunk endurance test results: one record per hold (schema.ts `EnduranceRecord`). */
import { inWriteTransaction, readAllChecked, type PlumblineDb, type ReadResult } from './db';
import { StorageError } from './errors';
import { readEndurance } from './readers';
import { type EnduranceRecord } from './schema';
import { check } from './validate';

/** Saves one hold's result, checked first (a NaN time is refused, nothing written). */
export async function addEnduranceResult(
  db: PlumblineDb,
  record: EnduranceRecord,
): Promise<EnduranceRecord> {
  const checked = check(readEndurance, record, 'endurance');
  if (!checked.ok) {
    throw new StorageError(
      'CORRUPT_RECORD',
      `This endurance test result had values Plumbline cannot store, so it was not saved. (${checked.path}: ${checked.reason})`,
    );
  }
  await inWriteTransaction(db, ['endurance'], 'endurance', async (tx) => {
    await tx.objectStore('endurance').put(checked.value);
  });
  return checked.value;
}

/** Every endurance result, oldest first; damaged ones are skipped and listed in `corrupt`. */
export async function listEnduranceResults(db: PlumblineDb): Promise<ReadResult<EnduranceRecord>> {
  const result = await readAllChecked(db, 'endurance', readEndurance);
  result.records.sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
  return result;
}
