/**
 * Every failure the storage layer lets out is a `StorageError`: a code the UI can branch on and a
 * message a person understands, saying what happened to their data and what to do next. The raw
 * browser error is kept as `cause` for the console.
 */

export type StorageErrorCode =
  /** The device (or the browser's share of it) is full. */
  | 'QUOTA_EXCEEDED'
  /** Another tab holds an older version of the database open, so this one cannot upgrade it. */
  | 'BLOCKED_UPGRADE'
  /** A stored record fails validation: written by a broken build or damaged on disk. */
  | 'CORRUPT_RECORD'
  /** No IndexedDB (some private modes), the connection was closed, or the database is newer. */
  | 'UNAVAILABLE'
  /** An imported file is not a Plumbline export, or has a bad field. */
  | 'INVALID_IMPORT'
  /** An imported file is bigger than `MAX_IMPORT_BYTES`. */
  | 'TOO_LARGE';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/**
 * What was being saved when it failed, worded for the end of a quota message so the person knows
 * exactly what did not make it to disk.
 */
export type SaveAction =
  | 'rep'
  | 'set'
  | 'session'
  | 'snapshot'
  | 'endurance'
  | 'replay'
  | 'settings'
  | 'checklist'
  | 'programme'
  | 'import'
  | 'delete'
  | 'read';

const NOT_SAVED: Readonly<Record<SaveAction, string>> = {
  rep: 'this set is kept on screen but not saved.',
  set: 'this set is kept on screen but not saved.',
  session: 'this workout is kept on screen but not saved.',
  snapshot: 'this posture snapshot was not saved.',
  endurance: 'this endurance test result is kept on screen but not saved.',
  replay: 'this set’s replay was not saved (the set itself is).',
  settings: 'your settings change was not saved.',
  checklist: 'this checklist tick was not saved.',
  programme: 'your programme change was not saved.',
  import: 'nothing was imported and your data is unchanged.',
  delete: 'nothing was deleted.',
  read: 'nothing was changed.',
};

export function quotaMessage(action: SaveAction): string {
  return `Your device is out of storage space: ${NOT_SAVED[action]} Free some space or export your data.`;
}

export const BLOCKED_UPGRADE_MESSAGE =
  'Plumbline is open in another tab running an older version, so your saved data cannot be updated yet. ' +
  'Close the other Plumbline tabs, then reload this one. Nothing has been lost.';

export const NEWER_DATABASE_MESSAGE =
  'Your saved data was written by a newer version of Plumbline (perhaps in another tab). ' +
  'Reload this page to get the newer version. Nothing has been lost.';

export const CLOSED_MESSAGE =
  'Plumbline lost its connection to the saved data (it was updated in another tab, or the browser closed it). ' +
  'Reload this page to carry on. Everything saved before this is kept.';

export const NO_INDEXEDDB_MESSAGE =
  'This browser does not let Plumbline save anything (a private window may block storage). ' +
  'You can still train, but workouts will not be kept.';

export function corruptMessage(what: string): string {
  return `A saved ${what} could not be read and was skipped. Your other data is fine; exporting your data keeps everything that can be read.`;
}

/** The DOMException names browsers use when storage is full (Firefox's legacy one included). */
const QUOTA_ERROR_NAMES: ReadonlySet<string> = new Set([
  'QuotaExceededError',
  'NS_ERROR_DOM_QUOTA_REACHED',
]);

function errorName(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    const name: unknown = error.name;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/**
 * A quota failure can surface directly, or as an AbortError whose transaction's `error` (or our
 * own `cause` chain) is the QuotaExceededError; follow the chain a few steps.
 */
const MAX_CAUSE_DEPTH = 5;

export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (
    let depth = 0;
    depth < MAX_CAUSE_DEPTH && current !== undefined && current !== null;
    depth++
  ) {
    const name = errorName(current);
    if (name !== undefined && QUOTA_ERROR_NAMES.has(name)) return true;
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return false;
}

/** Turns whatever IndexedDB threw into a `StorageError`; a `StorageError` passes through. */
export function toStorageError(error: unknown, action: SaveAction): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) {
    return new StorageError('QUOTA_EXCEEDED', quotaMessage(action), { cause: error });
  }
  const name = errorName(error);
  if (name === 'VersionError') {
    return new StorageError('UNAVAILABLE', NEWER_DATABASE_MESSAGE, { cause: error });
  }
  if (name === 'InvalidStateError') {
    return new StorageError('UNAVAILABLE', CLOSED_MESSAGE, { cause: error });
  }
  return new StorageError(
    'UNAVAILABLE',
    `Plumbline could not reach your saved data, so ${NOT_SAVED[action]} Reload the page and try again.`,
    { cause: error },
  );
}
