/** What the page says when reading or changing the saved data failed. */
import { StorageError } from '../storage';

/** Anything else thrown: the action is all or nothing, so nothing changed. */
const NOTHING_CHANGED =
  'That did not work, and nothing was changed. Reload the page and try again.';

/**
 * What a failed storage action says: the storage's own message, which tells what was kept
 * (src/storage/errors.ts), or for anything else thrown `otherwise` (by default, that nothing
 * was changed).
 */
export function storageFailureText(error: unknown, otherwise: string = NOTHING_CHANGED): string {
  return error instanceof StorageError ? error.message : otherwise;
}
