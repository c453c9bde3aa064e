import { readFileSync } from 'node:fs';
import { judgeRecording } from '../src/pose/exercises/judge-recording';
import { EXERCISES } from '../src/pose/exercises/registry';
import { loadRecording } from '../tests/support/fixtures';
const ex = EXERCISES.find((e) => e.id === 'bird-dog')!;
const lite = JSON.parse(readFileSync('/tmp/lite/bird_dog_legtoohigh_video_01.json', 'utf8'));
const full = loadRecording('bird_dog/bird_dog_legtoohigh_video_01.mp4');
for (const [name, rec] of [['full', full], ['lite', lite]] as const) {
  const v = judgeRecording(ex, rec);
  console.log(name, v.shownFaults, v.reps);
  const keys = new Set<string>();
  v.frames.forEach((f) => Object.keys(f.metrics).forEach((k) => keys.add(k)));
  console.log([...keys].join(' '));
}
for (const [name, rec] of [['full', full], ['lite', lite]] as const) {
  const v = judgeRecording(ex, rec);
  const rows = v.frames.filter((f) => f.phase === 'holding').map((f) => `${(f.timestampMs/1000).toFixed(1)} arm ${f.metrics.armElevationDeg?.toFixed(0)} elb ${f.metrics.elbowAngleDeg?.toFixed(0)} leg ${f.metrics.legElevationDeg?.toFixed(0)} knee ${f.metrics.kneeAngleDeg?.toFixed(0)}`);
  console.log(name, rows.length); console.log(rows.filter((r) => /elb 1[0-3]\d|elb \d\d |knee 1[0-2]\d|knee \d\d |arm -[3-9]\d|leg -[3-9]\d/.test(r)).join('\n'));
}
const phases = new Set<string>();
for (const [name, rec] of [['full', full], ['lite', lite]] as const) {
  const v = judgeRecording(ex, rec);
  v.frames.forEach((f) => phases.add(String(f.phase)));
  const rows = v.frames.filter((f) => f.metrics.armElevationDeg !== undefined || f.metrics.legElevationDeg !== undefined).map((f) => `${(f.timestampMs/1000).toFixed(1)} ${f.phase} arm ${f.metrics.armElevationDeg?.toFixed(0)} elb ${f.metrics.elbowAngleDeg?.toFixed(0)} leg ${f.metrics.legElevationDeg?.toFixed(0)} knee ${f.metrics.kneeAngleDeg?.toFixed(0)}`);
  console.log(name, rows.length); console.log(rows.filter((r) => /elb 1[0-3]\d|elb \d\d |knee 1[0-2]\d|knee \d\d |arm -[3-9]\d|leg -[3-9]\d/.test(r) && /hold|top|reach/.test(r)).join('\n'));
}
console.log([...phases]);
for (const [name, rec] of [['full', full], ['lite', lite]] as const) {
  const v = judgeRecording(ex, rec);
  const hold = v.frames.filter((f) => f.phase === 'hold');
  const knees = hold.map((f) => f.metrics.kneeAngleDeg).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  console.log(name, 'hold frames', hold.length, 'knee <130:', knees.filter((k) => k < 130).length, 'knees p10/p50', knees[Math.floor(knees.length*0.1)]?.toFixed(0), knees[Math.floor(knees.length/2)]?.toFixed(0));
}
for (const [name, rec] of [['full', full], ['lite', lite]] as const) {
  const v = judgeRecording(ex, rec);
  const rows = v.frames.filter((f) => f.phase === 'hold' && f.view === 'side').map((f) => { const m = f.metrics; const s = (m.armElevationDeg ?? 0) < -38 || (m.legElevationDeg ?? 0) < -38 || (m.elbowAngleDeg ?? 180) < 140 || (m.kneeAngleDeg ?? 180) < 130; return `${(f.timestampMs/1000).toFixed(2)}${s ? '*' : ' '} a${m.armElevationDeg?.toFixed(0)} e${m.elbowAngleDeg?.toFixed(0)} l${m.legElevationDeg?.toFixed(0)} k${m.kneeAngleDeg?.toFixed(0)}`; });
  console.log(name, rows.join(' | '));
}
