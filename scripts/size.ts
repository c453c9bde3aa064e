/**
 * npm run size: the gzip size of every script the built app can load (scripts/lib/bundle-size.ts)
 * against the 300 kB budget; exits 1 when over. `npm run bench` prints the same figures and what
 * a plank with the default engine actually loads.
 */
import { formatTable } from './lib/stats';
import { appScriptSizes, budgetLine, kilobytes } from './lib/bundle-size';

const sizes = appScriptSizes('dist');
const total = sizes.reduce((sum, size) => sum + size.gzipBytes, 0);
console.log(
  formatTable(
    ['script', 'kB', 'kB gzip'],
    sizes.map((size) => [size.fileName, kilobytes(size.bytes), kilobytes(size.gzipBytes)]),
  ),
);
const line = budgetLine(
  "every script the app can load (page, lazy chunks, pose worker, both engines' code)",
  total,
);
console.log(`\n${line}`);
if (line.endsWith('OVER')) process.exitCode = 1;
