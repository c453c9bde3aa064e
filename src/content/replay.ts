/** The words of a set's replay (src/ui/components/ReplayView.tsx). Fault names come from cues.ts. */
import { FAULT_WORDING } from './cues';
import { isFaultId } from './exercises';

export const REPLAY = {
  /** The button on a set's summary line and in History. */
  open: 'Replay',
  openSet: (set: number) => `Replay set ${set}`,
  title: (exercise: string, set: number) => `Replay: ${exercise}, set ${set}`,
  play: 'Play',
  pause: 'Pause',
  close: 'Close',
  delete: 'Delete this replay',
  deleted: 'Replay deleted.',
  scrubLabel: 'Time in the set',
  timelineLabel: 'When each fault was cued, and what could not be judged',
  repsLabel: 'Reps',
  legendFault: 'Fault cued',
  legendUnsure: 'Can’t judge',
  noFault: 'No fault cued here',
  /** Said under the canvas: there is no picture to hide, so the privacy view changes nothing. */
  privacy:
    'A replay draws the skeleton only, from the numbers saved with the set: no video is kept.',
  notFound: 'This replay is no longer saved (it may have been deleted in another tab).',
  canvasLabel: 'The set’s recorded skeleton at the chosen time',
} as const;

/** A fault's short label ("Hips sagging"); an id from an older build is shown as it is. */
export function replayFaultLabel(id: string): string {
  return isFaultId(id) ? FAULT_WORDING[id].label : id;
}

/** What the replay shows under its picture at one moment. */
export function replayMomentText(faults: readonly string[], unsure: readonly string[]): string {
  if (faults.length > 0) return faults.map(replayFaultLabel).join(', ');
  if (unsure.length > 0) return `Can’t judge: ${unsure.map(replayFaultLabel).join(', ')}`;
  return REPLAY.noFault;
}

/** "0:07.4": minutes, seconds and tenths on the replay's clock. */
export function replayClockText(ms: number): string {
  const tenths = Math.floor(Math.max(0, ms) / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

/** "Rep 3 (left)". */
export function replayRepText(index: number, side: 'left' | 'right' | null): string {
  return side === null ? `Rep ${index + 1}` : `Rep ${index + 1} (${side})`;
}
