// Builds public/models and public/wasm from pinned npm packages (run at `npm install`).
//
// - MediaPipe Pose Landmarker bundles: the legacy @mediapipe/pose weights get the TFLite
//   normalisation metadata that Tasks requires, then are zipped as .task files.
// - MoveNet graph models and both wasm runtimes are copied as they are, so the app serves every
//   byte from its own origin.
// - public/models/manifest.json lists every output's size and sha256 (load progress, checks).
//
// Inputs are checked against sources.ts first; nothing is written when one is missing or differs.
// Outputs are rewritten only when their bytes change, so a second run is a no-op.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  HUMAN_MODELS,
  MEDIAPIPE_POSE,
  MEDIAPIPE_TASKS_VISION,
  SOURCE_PACKAGES,
  TFJS_BACKEND_WASM,
  type SourceFile,
  type SourcePackage,
} from './sources';
import {
  METADATA_NAME,
  MODEL_ALIGNMENT,
  buildNormalizationMetadata,
  describeModel,
  injectMetadata,
  readModelMetadata,
  type ModelSummary,
} from './tflite-metadata';
import { ZIP_ALIGNMENT, readStoredZip, writeStoredZip } from './zip';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Output locations relative to public/; the workers load from these paths. */
export const MODELS_DIR = 'models';
export const MEDIAPIPE_WASM_DIR = 'wasm/mediapipe';
export const TFJS_WASM_DIR = 'wasm/tfjs';
export const MANIFEST_PATH = `${MODELS_DIR}/manifest.json`;

export const POSE_VARIANTS = ['lite', 'full', 'heavy'] as const;
export type PoseVariant = (typeof POSE_VARIANTS)[number];

/** Entry names MediaPipe's PoseLandmarker looks for inside a .task bundle. */
export const TASK_DETECTOR_ENTRY = 'pose_detector.tflite';
export const TASK_LANDMARKS_ENTRY = 'pose_landmarks_detector.tflite';

/** The detector takes [-1, 1] input, the landmark model [0, 1] (checked against the legacy solution). */
export const DETECTOR_NORMALIZATION = { mean: [127.5], std: [127.5] } as const;
export const LANDMARKS_NORMALIZATION = { mean: [0], std: [255] } as const;

const LANDMARK_SOURCES: Record<PoseVariant, SourceFile> = {
  lite: MEDIAPIPE_POSE.files.landmarkLite,
  full: MEDIAPIPE_POSE.files.landmarkFull,
  heavy: MEDIAPIPE_POSE.files.landmarkHeavy,
};

const MOVENET_FILES = [
  HUMAN_MODELS.files.lightningJson,
  HUMAN_MODELS.files.lightningBin,
  HUMAN_MODELS.files.thunderJson,
  HUMAN_MODELS.files.thunderBin,
];

const BYTES_PER_KB = 1000;
const BYTES_PER_MB = 1000 * 1000;

export interface ManifestEntry {
  bytes: number;
  sha256: string;
}

/** public/models/manifest.json; keys are paths relative to public/, with forward slashes. */
export interface ModelsManifest {
  files: Record<string, ManifestEntry>;
}

/** An input package is missing or is not the pinned build. */
export class SourceError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Cannot build the pose models and runtimes from node_modules:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'SourceError';
  }
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function displayPath(path: string): string {
  return relative(process.cwd(), path) || '.';
}

function readVersion(packageJsonPath: string): string | undefined {
  const parsed: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed)) return undefined;
  return typeof parsed.version === 'string' ? parsed.version : undefined;
}

/** Problems with one package, or its files' bytes when it is exactly the pinned build. */
function loadPackage(
  nodeModules: string,
  pkg: SourcePackage,
): { problems: string[] } | { files: Map<SourceFile, Uint8Array> } {
  const dir = join(nodeModules, pkg.name);
  const reinstall = `rm -rf ${displayPath(dir)} && npm install`;
  const packageJson = join(dir, 'package.json');
  if (statSync(packageJson, { throwIfNoEntry: false }) === undefined) {
    return {
      problems: [
        `${pkg.name} is not installed (no ${displayPath(packageJson)}): run npm install; ${pkg.name} must be ${pkg.version}.`,
      ],
    };
  }
  const version = readVersion(packageJson);
  if (version !== pkg.version) {
    return {
      problems: [
        `${pkg.name} is ${version ?? 'of unknown version'} but must be ${pkg.version}: run npm install (package.json pins it). ` +
          `To upgrade it on purpose, update scripts/models/sources.ts with the new sizes and sha256.`,
      ],
    };
  }
  const problems: string[] = [];
  const files = new Map<SourceFile, Uint8Array>();
  for (const file of Object.values(pkg.files)) {
    const path = join(dir, file.path);
    const where = `${pkg.name}@${pkg.version}: ${file.path}`;
    const size = statSync(path, { throwIfNoEntry: false })?.size;
    if (size === undefined) {
      problems.push(`${where} is missing: reinstall the package (${reinstall}).`);
      continue;
    }
    if (size !== file.bytes) {
      problems.push(
        `${where} is ${size} bytes, expected ${file.bytes}: not the pinned build; reinstall the package (${reinstall}).`,
      );
      continue;
    }
    const data = new Uint8Array(readFileSync(path));
    const hash = sha256(data);
    if (hash !== file.sha256) {
      problems.push(
        `${where} has sha256 ${hash}, expected ${file.sha256}: not the pinned build; reinstall the package (${reinstall}).`,
      );
      continue;
    }
    files.set(file, data);
  }
  return problems.length > 0 ? { problems } : { files };
}

/** Reads every pinned file; throws one SourceError listing every problem found. */
export function loadSources(
  nodeModules: string,
  packages: readonly SourcePackage[] = SOURCE_PACKAGES,
): Map<SourceFile, Uint8Array> {
  const problems: string[] = [];
  const files = new Map<SourceFile, Uint8Array>();
  for (const pkg of packages) {
    const result = loadPackage(nodeModules, pkg);
    if ('problems' in result) problems.push(...result.problems);
    else for (const [file, data] of result.files) files.set(file, data);
  }
  if (problems.length > 0) throw new SourceError(problems);
  return files;
}

function selfCheck(ok: boolean, what: string): void {
  if (!ok) throw new Error(`build-models self-check failed: ${what}`);
}

/** Injection adds one buffer and one metadata entry, and changes nothing else we can read. */
function sameStructure(before: ModelSummary, after: ModelSummary): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    after.version === before.version &&
    after.description === before.description &&
    after.operatorCodeCount === before.operatorCodeCount &&
    after.subgraphCount === before.subgraphCount &&
    after.bufferCount === before.bufferCount + 1 &&
    same(after.inputs, before.inputs) &&
    same(after.metadataNames, [...before.metadataNames, METADATA_NAME])
  );
}

/** Attaches normalisation metadata and proves the result reads back as intended. */
export function withNormalization(
  model: Uint8Array,
  name: string,
  normalization: { readonly mean: readonly number[]; readonly std: readonly number[] },
): Uint8Array {
  const injected = injectMetadata(model, buildNormalizationMetadata({ name, ...normalization }));
  const meta = readModelMetadata(injected);
  const input = meta?.subgraphs[0]?.inputs[0]?.normalization;
  const asFloat32 = (values: readonly number[]) => values.map((v) => Math.fround(v));
  selfCheck(
    JSON.stringify(input) ===
      JSON.stringify({ mean: asFloat32(normalization.mean), std: asFloat32(normalization.std) }),
    `${name}: normalisation does not read back`,
  );
  const oldStart = injected.length - model.length;
  selfCheck(
    oldStart % MODEL_ALIGNMENT === 0 && sameBytes(injected.subarray(oldStart), model),
    `${name}: original bytes moved or changed`,
  );
  selfCheck(
    sameStructure(describeModel(model), describeModel(injected)),
    `${name}: model structure changed`,
  );
  return injected;
}

/** A .task bundle holding both pose models, stored with aligned payloads. */
export function buildPoseTask(detector: Uint8Array, landmarks: Uint8Array): Uint8Array {
  const entries = [
    { name: TASK_DETECTOR_ENTRY, data: detector },
    { name: TASK_LANDMARKS_ENTRY, data: landmarks },
  ];
  const task = writeStoredZip(entries, ZIP_ALIGNMENT);
  const read = readStoredZip(task);
  selfCheck(
    read.length === entries.length &&
      read.every(
        (e, i) =>
          e.name === entries[i]?.name &&
          e.dataOffset % ZIP_ALIGNMENT === 0 &&
          sameBytes(e.data, entries[i].data),
      ),
    'task bundle does not read back',
  );
  return task;
}

/** The weight file names a TF.js graph model JSON refers to. */
export function weightPaths(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || !('weightsManifest' in parsed)) return [];
  const groups: unknown = parsed.weightsManifest;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((group: unknown) => {
    if (typeof group !== 'object' || group === null || !('paths' in group)) return [];
    const paths: unknown = group.paths;
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  });
}

interface Output {
  /** Relative to public/, forward slashes. */
  path: string;
  data: Uint8Array;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Every output file, in memory. */
export function planOutputs(sources: ReadonlyMap<SourceFile, Uint8Array>): Output[] {
  const get = (file: SourceFile): Uint8Array => {
    const data = sources.get(file);
    if (data === undefined) throw new Error(`internal: ${file.path} was not loaded`);
    return data;
  };
  const outputs: Output[] = [];

  const detector = withNormalization(
    get(MEDIAPIPE_POSE.files.detector),
    'pose_detector',
    DETECTOR_NORMALIZATION,
  );
  for (const variant of POSE_VARIANTS) {
    const landmarks = withNormalization(
      get(LANDMARK_SOURCES[variant]),
      'pose_landmarks_detector',
      LANDMARKS_NORMALIZATION,
    );
    outputs.push({
      path: `${MODELS_DIR}/pose_landmarker_${variant}.task`,
      data: buildPoseTask(detector, landmarks),
    });
  }

  const movenetNames = new Set(MOVENET_FILES.map((f) => baseName(f.path)));
  for (const file of MOVENET_FILES) {
    const data = get(file);
    if (file.path.endsWith('.json')) {
      const paths = weightPaths(new TextDecoder().decode(data));
      const missing = paths.filter((p) => !movenetNames.has(p));
      if (paths.length === 0 || missing.length > 0) {
        throw new Error(
          `${HUMAN_MODELS.name}: ${file.path} refers to weights [${paths.join(', ')}], ` +
            `not all of which are copied next to it`,
        );
      }
    }
    outputs.push({ path: `${MODELS_DIR}/${baseName(file.path)}`, data });
  }

  for (const file of Object.values(MEDIAPIPE_TASKS_VISION.files)) {
    outputs.push({ path: `${MEDIAPIPE_WASM_DIR}/${baseName(file.path)}`, data: get(file) });
  }
  for (const file of Object.values(TFJS_BACKEND_WASM.files)) {
    outputs.push({ path: `${TFJS_WASM_DIR}/${baseName(file.path)}`, data: get(file) });
  }
  return outputs;
}

/** Writes through a temporary file, and only when the bytes differ from what is there. */
function writeIfChanged(path: string, data: Uint8Array, hash: string): boolean {
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing?.isFile() && existing.size === data.length && sha256(readFileSync(path)) === hash) {
    return false;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
  return true;
}

export function formatBytes(bytes: number): string {
  return bytes >= BYTES_PER_MB
    ? `${(bytes / BYTES_PER_MB).toFixed(1)} MB`
    : `${(bytes / BYTES_PER_KB).toFixed(1)} kB`;
}

export interface BuildOptions {
  /** The node_modules directory holding the input packages. */
  nodeModules: string;
  /** The app's public directory; outputs go to its models/ and wasm/. */
  publicDir: string;
  log?: (line: string) => void;
}

export interface BuildResult {
  manifest: ModelsManifest;
  /** Paths (relative to publicDir) whose bytes were written this run. */
  written: string[];
}

export function buildModels({
  nodeModules,
  publicDir,
  log = console.log,
}: BuildOptions): BuildResult {
  const outputs = planOutputs(loadSources(nodeModules));
  const files: Record<string, ManifestEntry> = {};
  const written: string[] = [];
  const report = (path: string, bytes: number, changed: boolean) => {
    if (changed) written.push(path);
    log(
      `${displayPath(join(publicDir, path))}  ${formatBytes(bytes)}  ${changed ? 'written' : 'up to date'}`,
    );
  };
  for (const { path, data } of outputs) {
    const hash = sha256(data);
    files[path] = { bytes: data.length, sha256: hash };
    report(path, data.length, writeIfChanged(join(publicDir, path), data, hash));
  }
  const manifest: ModelsManifest = {
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  report(
    MANIFEST_PATH,
    manifestBytes.length,
    writeIfChanged(join(publicDir, MANIFEST_PATH), manifestBytes, sha256(manifestBytes)),
  );
  return { manifest, written };
}

function main(): void {
  try {
    buildModels({
      nodeModules: join(REPO_ROOT, 'node_modules'),
      publicDir: join(REPO_ROOT, 'public'),
    });
  } catch (error) {
    console.error(error instanceof SourceError ? error.message : error);
    process.exitCode = 1;
  }
}

const entryScript = process.argv[1];
if (entryScript !== undefined && import.meta.url === pathToFileURL(resolve(entryScript)).href) {
  main();
}
