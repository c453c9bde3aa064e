/**
 * Runs the workout log's operations against storage one at a time, in order, off the coaching
 * path (nothing waits on it). What a failure does:
 * - storage full: the operation stays first in line and is tried again with the next one (or on
 *   `retry()`), so nothing is skipped and saving catches up once there is room; later hold
 *   checkpoints of the same set replace waiting ones, so the line stays short;
 * - a value storage refuses (CORRUPT_RECORD on a rep or checkpoint): that one is dropped;
 * - anything else (connection lost, session deleted in another tab): the rest of that session is
 *   dropped; the next workout tries afresh.
 * Each problem is reported once through `onStatus`.
 */
import {
  StorageError,
  appendRep,
  endSession,
  endSet,
  recordHold,
  replayId,
  replayRecordOf,
  saveReplay,
  startSession,
  startSet,
  type PlumblineDb,
} from '../../storage';
import type { LogOp } from './log';

export type SaveProblem =
  /** Storage is full: the set goes on and is saved when there is room. */
  | { readonly kind: 'full' }
  /** Saving is off for this workout (or for good): the storage message says why. */
  | { readonly kind: 'unavailable'; readonly message: string }
  /** A rep or checkpoint had values storage refuses; the rest is saved. */
  | { readonly kind: 'refused' }
  /** A set's replay could not be saved (storage full, or refused); the set itself is saved. */
  | { readonly kind: 'replay-skipped'; readonly full: boolean };

export interface SaveStatus {
  readonly problem: SaveProblem | null;
  /** Storage was full and everything held back has since been saved. */
  readonly caughtUp: boolean;
}

export const SAVING_OK: SaveStatus = { problem: null, caughtUp: false };

export type RunOp = (op: LogOp) => Promise<void>;

/** A set's replay as stored: the workout's set number and the stored id (`replayId`). */
export interface SavedReplay {
  readonly sessionId: string;
  /** The workout's set number (1-based). */
  readonly set: number;
  readonly id: string;
}

/**
 * Operations on the set of one session: the set's stored index is known once it started, and so
 * is the id of its stored replay, told to `onReplaySaved` once the replay is on disk.
 */
export function storageRunner(
  db: PlumblineDb,
  onReplaySaved: (saved: SavedReplay) => void = () => undefined,
): RunOp {
  const setIndexes = new Map<string, number>();
  const indexOf = (sessionId: string, set: number): number => {
    const index = setIndexes.get(`${sessionId}#${String(set)}`);
    if (index === undefined) throw new RangeError(`set ${String(set)} was never started`);
    return index;
  };
  return async (op) => {
    switch (op.kind) {
      case 'start-session':
        await startSession(db, {
          id: op.sessionId,
          startedAt: op.startedAt,
          exercise: op.exercise,
          strictness: op.strictness,
          plan: op.plan,
        });
        return;
      case 'start-set': {
        const index = await startSet(db, op.sessionId, op.at);
        setIndexes.set(`${op.sessionId}#${String(op.set)}`, index);
        return;
      }
      case 'rep':
        await appendRep(db, op.sessionId, indexOf(op.sessionId, op.set), op.rep);
        return;
      case 'hold':
        await recordHold(db, op.sessionId, indexOf(op.sessionId, op.set), op.progress);
        return;
      case 'end-set':
        await endSet(db, op.sessionId, indexOf(op.sessionId, op.set), {
          endedAt: op.at,
          endedBy: op.endedBy,
          ...(op.hold ? { hold: op.hold } : {}),
          ...(op.faultSeconds ? { faultSeconds: op.faultSeconds } : {}),
        });
        return;
      case 'replay': {
        const setIndex = indexOf(op.sessionId, op.set);
        await saveReplay(
          db,
          replayRecordOf(op.track, { sessionId: op.sessionId, setIndex, recordedAt: op.at }),
        );
        onReplaySaved({
          sessionId: op.sessionId,
          set: op.set,
          id: replayId(op.sessionId, setIndex),
        });
        return;
      }
      case 'end-session':
        await endSession(db, op.sessionId, op.at);
        return;
    }
  };
}

function sameSet(a: LogOp, b: LogOp): boolean {
  return 'set' in a && 'set' in b && a.sessionId === b.sessionId && a.set === b.set;
}

const UNREACHABLE_MESSAGE =
  'Plumbline could not save this workout, so it is kept on screen but not saved. Reload the page to save again.';

export class SaveQueue {
  private readonly waiting: LogOp[] = [];
  private run: RunOp | null = null;
  private running = false;
  private off = false;
  private status: SaveStatus = SAVING_OK;

  constructor(private readonly onStatus: (status: SaveStatus) => void) {}

  /** Storage is ready: start (or go on) saving. */
  connect(run: RunOp): void {
    this.run = run;
    this.off = false;
    void this.drain();
  }

  /** Storage cannot be used (no IndexedDB, connection lost): drop what waits and say why. */
  disconnect(message: string): void {
    this.run = null;
    this.off = true;
    this.waiting.length = 0;
    this.report({ problem: { kind: 'unavailable', message }, caughtUp: false });
  }

  push(ops: readonly LogOp[]): void {
    if (this.off) return;
    for (const op of ops) {
      if (op.kind === 'hold' || op.kind === 'end-set') {
        // A newer checkpoint (or the set's end) supersedes a waiting checkpoint of the same set;
        // the first in line may be running, so it stays.
        for (let i = this.waiting.length - 1; i >= (this.running ? 1 : 0); i--) {
          const queued = this.waiting[i];
          if (queued?.kind === 'hold' && sameSet(queued, op)) this.waiting.splice(i, 1);
        }
      }
      this.waiting.push(op);
    }
    void this.drain();
  }

  /** Tries what waits again (after storage was full). */
  retry(): void {
    void this.drain();
  }

  /** Operations not yet saved. */
  get pending(): number {
    return this.waiting.length;
  }

  private report(status: SaveStatus): void {
    if (
      status.caughtUp === this.status.caughtUp &&
      status.problem?.kind === this.status.problem?.kind
    ) {
      return;
    }
    this.status = status;
    this.onStatus(status);
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let op = this.waiting[0]; op && this.run; op = this.waiting[0]) {
        try {
          await this.run(op);
          this.waiting.shift();
          if (this.status.problem?.kind === 'full' && this.waiting.length === 0) {
            this.report({ problem: null, caughtUp: true });
          }
        } catch (error) {
          if (!this.onFailure(op, error)) return;
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Handles a failed operation; false stops the drain (it waits for room). */
  private onFailure(op: LogOp, error: unknown): boolean {
    const code = error instanceof StorageError ? error.code : null;
    if (op.kind === 'replay') {
      // A replay is extra: it never holds back the workout's own saving.
      this.waiting.shift();
      this.report({
        problem: { kind: 'replay-skipped', full: code === 'QUOTA_EXCEEDED' },
        caughtUp: false,
      });
      return true;
    }
    if (code === 'QUOTA_EXCEEDED') {
      this.report({ problem: { kind: 'full' }, caughtUp: false });
      return false;
    }
    if (code === 'CORRUPT_RECORD' && (op.kind === 'rep' || op.kind === 'hold')) {
      this.waiting.shift();
      this.report({ problem: { kind: 'refused' }, caughtUp: false });
      return true;
    }
    const message = error instanceof StorageError ? error.message : UNREACHABLE_MESSAGE;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (this.waiting[i]?.sessionId === op.sessionId) this.waiting.splice(i, 1);
    }
    this.report({ problem: { kind: 'unavailable', message }, caughtUp: false });
    return true;
  }
}
