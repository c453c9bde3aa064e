import { loadRecording } from './tests/support/fixtures';
import { sidePlank } from './src/pose/exercises/side-plank';
import { initialCoachState, stepCoach } from './src/pose/exercises/coach';
const rec = loadRecording('side_plank/side_plank_good_video_03.mp4');
for (const step of [3, 4]) {
let s = initialCoachState(sidePlank);
let line = '';
rec.frames.filter((_, i) => i % step === 0).forEach(f => { const st = stepCoach(sidePlank, s, f, 'beginner', false); s = st.state; const c = st.coaching;
 line += `${Math.round(f.timestampMs)} ${c.result.phase} held=${Math.round(c.heldMs)} drop=${Math.round(c.result.metrics.hipDropDeg ?? -99)} f=${c.result.faults} shown=${c.shownFaults}\n`; });
console.log(line.split('\n').slice(0, 20).join('\n'));
}
