/**
 * The page's bundle carries the exercises' facts and words, never a checker: the checkers run in
 * the pose worker, a bundle of its own (`new Worker(new URL(...))` is not an import). ESLint's
 * NO_CHECKERS rule sees one file's imports; this follows them all, from the page's entry, the way
 * the bundler does: every import and re-export that is not `import type` / `export type`, and
 * every dynamic `import()` (a lazy chunk of the page is still the page).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** `import x from './a'`, `import './a'`, `export { x } from './a'`; not `import type`/`export type`. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveModule(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // a package, not our code
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every module of ours the entry loads at run time, as paths from the repository root. */
function runtimeModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const path = relative(ROOT, file);
    if (seen.has(path)) continue;
    seen.add(path);
    const source = readFileSync(file, 'utf8');
    for (const pattern of [STATIC_IMPORT, DYNAMIC_IMPORT]) {
      for (const match of source.matchAll(pattern)) {
        const target = match[1] === undefined ? null : resolveModule(file, match[1]);
        if (target) queue.push(target);
      }
    }
  }
  return seen;
}

/** Checker code: every exercise module but the shared types, and the posture check. */
function isChecker(path: string): boolean {
  return (
    (path.startsWith('src/pose/exercises/') && path !== 'src/pose/exercises/types.ts') ||
    path === 'src/pose/posture-check.ts'
  );
}

describe('the main bundle', () => {
  it('loads no checker: the page reads exercise metadata, the worker runs the checkers', () => {
    const page = [...runtimeModules('src/ui/main.tsx')];
    expect(page).toContain('src/content/exercises.ts');
    expect(page.filter(isChecker)).toEqual([]);
  });

  it('follows imports far enough to find the checkers where they are loaded: the worker', () => {
    const worker = [...runtimeModules('src/workers/pose.worker.ts')];
    expect(worker).toContain('src/pose/exercises/registry.ts');
    expect(worker).toContain('src/pose/exercises/wall-posture.ts');
    expect(worker).toContain('src/pose/posture-check.ts');
  });
});
