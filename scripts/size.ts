/**
 * npm run size: the gzip size of the app's own scripts in a build (scripts/lib/bundle-size.ts):
 * what a first visit loads and stores, against the 300 kB budget (exits 1 when over), and every
 * script it can load. `npm run bench` prints the same figures and what a plank actually loads.
 */
import { formatTable } from './lib/stats';
import { appScriptSizes, budgetLine, kilobytes } from './lib/bundle-size';

const sizes = appScriptSizes('dist');
const total = (firstVisitOnly: boolean): number =>
  sizes
    .filter((size) => !firstVisitOnly || size.firstVisit)
    .reduce((sum, size) => sum + size.gzipBytes, 0);
console.log(
  formatTable(
    ['script', 'kB', 'kB gzip', 'first visit'],
    sizes.map((size) => [
      size.fileName,
      kilobytes(size.bytes),
      kilobytes(size.gzipBytes),
      size.firstVisit ? 'yes' : 'when chosen',
    ]),
  ),
);
const line = budgetLine(
  'a first visit (page, lazy screens, pose worker, the default engine MediaPipe)',
  total(true),
);
console.log(`\n${line}`);
console.log(
  `every script the app can load (with MoveNet's TF.js, fetched when MoveNet is chosen): ${kilobytes(total(false))} kB gzip`,
);
if (line.endsWith('OVER')) process.exitCode = 1;
