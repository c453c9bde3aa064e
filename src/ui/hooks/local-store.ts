/**
 * localStorage, read and written without throwing: it can be blocked (private modes, site
 * settings) or full, and then what it keeps lasts for the visit only.
 */

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The text stored under `key`, or null when there is none or storage cannot be read. */
export function readLocal(key: string): string | null {
  try {
    return localStore()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `text` under `key`; full or blocked storage is passed over (the app keeps going). */
export function writeLocal(key: string, text: string): void {
  try {
    localStore()?.setItem(key, text);
  } catch {
    // Nothing to do but keep going.
  }
}
