import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from './build-models';
import { SOURCE_PACKAGES } from './sources';

const SHA256_HEX = /^[0-9a-f]{64}$/;

interface RootPackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

describe('sources', () => {
  it('pins the same versions as the root package.json', () => {
    const root = JSON.parse(
      readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'),
    ) as RootPackageJson;
    for (const pkg of SOURCE_PACKAGES) {
      const pinned = root.dependencies?.[pkg.name] ?? root.devDependencies?.[pkg.name];
      expect(pinned, pkg.name).toBe(pkg.version);
    }
  });

  it('gives every file a size and a sha256', () => {
    for (const pkg of SOURCE_PACKAGES) {
      for (const file of Object.values(pkg.files)) {
        expect(file.bytes, file.path).toBeGreaterThan(0);
        expect(file.sha256, file.path).toMatch(SHA256_HEX);
      }
    }
  });
});
