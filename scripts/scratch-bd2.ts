import { judgeRecording } from '../src/pose/exercises/judge-recording';
import { EXERCISES } from '../src/pose/exercises/registry';
import { atTempo } from '../src/pose/testing/reshape';
import { loadRecording, recordedFiles } from '../tests/support/fixtures';
const ex = EXERCISES.find((e) => e.id === 'bird-dog')!;
for (const file of recordedFiles().filter((f) => f.includes('bird_dog'))) {
  const rec = loadRecording(file);
  if (rec.mode !== 'video') continue;
  console.log(file, [1, 0.8, 2 / 3, 0.5].map((s) => `${s.toFixed(2)}:${judgeRecording(ex, atTempo(rec, s)).shownFaults.join(',')}`).join('  '));
}
