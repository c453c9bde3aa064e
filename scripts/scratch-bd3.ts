import { readFileSync } from 'node:fs';
import { initialCoachState, stepCoach } from '../src/pose/exercises/coach';
import { EXERCISES } from '../src/pose/exercises/registry';
import { loadRecording } from '../tests/support/fixtures';
const ex = EXERCISES.find((e) => e.id === 'bird-dog')!;
const lite = JSON.parse(readFileSync('/tmp/lite/bird_dog_legtoohigh_video_01.json', 'utf8'));
const full = loadRecording('bird_dog/bird_dog_legtoohigh_video_01.mp4');
for (const [name, rec] of [['full', full], ['lite', lite]] as const) {
  let state = initialCoachState(ex);
  const out: string[] = [];
  for (const frame of rec.frames) {
    const step = stepCoach(ex, state, frame, 'beginner', false);
    state = step.state;
    const r = step.coaching.result;
    if (r.faults.includes('bird-dog.short-reach') || step.coaching.shownFaults.includes('bird-dog.short-reach'))
      out.push(`${(frame.timestampMs / 1000).toFixed(2)}${step.coaching.shownFaults.includes('bird-dog.short-reach') ? 'S' : ''} ${r.phase} l${r.metrics.legElevationDeg?.toFixed(0)} k${r.metrics.kneeAngleDeg?.toFixed(0)} a${r.metrics.armElevationDeg?.toFixed(0)} e${r.metrics.elbowAngleDeg?.toFixed(0)} lift${r.metrics.liftFraction?.toFixed(2)}`);
  }
  console.log(name, out.join(' | '));
}
