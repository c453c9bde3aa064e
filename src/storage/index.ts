/**
 * Plumbline's on-device storage (IndexedDB through `idb`). No React: hooks hold a `PlumblineDb`
 * from `openPlumblineDb()` and call these functions. Every failure is a `StorageError`.
 */
export * from './errors';
export * from './schema';
export * from './readers';
export * from './layout';
export * from './db';
export * from './workouts';
export * from './snapshots';
export * from './endurance';
export * from './replays';
export * from './programme';
export * from './export';
export * from './csv';
export * from './import';
