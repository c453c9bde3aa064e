import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as flatbuffers from 'flatbuffers';
import { beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT } from './build-models';
import { MEDIAPIPE_POSE } from './sources';
import {
  ColorSpace,
  FlatBufferReader,
  METADATA_IDENTIFIER,
  METADATA_NAME,
  MODEL_ALIGNMENT,
  TFLITE_IDENTIFIER,
  buildNormalizationMetadata,
  describeModel,
  injectMetadata,
  readModelMetadata,
} from './tflite-metadata';

const LITE_MODEL_PATH = join(
  REPO_ROOT,
  'node_modules',
  MEDIAPIPE_POSE.name,
  MEDIAPIPE_POSE.files.landmarkLite.path,
);
const LANDMARK_INPUT_SHAPE = [1, 256, 256, 3];
const FLOAT32 = 0;

// Slots used by the independent cross-check below (tensorflow/lite/schema/schema.fbs).
const MODEL_VERSION = 0;
const MODEL_SUBGRAPHS = 2;
const MODEL_BUFFERS = 4;
const MODEL_METADATA = 6;
const SUBGRAPH_TENSORS = 0;
const SUBGRAPH_INPUTS = 1;
const SUBGRAPH_OUTPUTS = 2;
const BUFFER_OFFSET = 1;
const SCHEMA_VERSION = 3;
const TENSOR_SHAPE = 0;
const METADATA_ENTRY_NAME = 0;
const vtableOffset = (slot: number) => 4 + 2 * slot;

/**
 * Reads a model with the flatbuffers library's own ByteBuffer, not with the module under test:
 * main subgraph input shape and the metadata entry names.
 */
function crossCheck(model: Uint8Array): { inputShape: number[]; metadataNames: string[] } {
  const bb = new flatbuffers.ByteBuffer(model);
  expect(bb.__has_identifier(TFLITE_IDENTIFIER)).toBe(true);
  const root = bb.readInt32(0);
  const field = (table: number, slot: number) => {
    const o = bb.__offset(table, vtableOffset(slot));
    return o === 0 ? 0 : table + o;
  };
  const tableAt = (vectorStart: number, i: number) => bb.__indirect(vectorStart + 4 * i);
  const subgraphs = field(root, MODEL_SUBGRAPHS);
  const subgraph = tableAt(bb.__vector(subgraphs), 0);
  const inputs = field(subgraph, SUBGRAPH_INPUTS);
  const tensors = field(subgraph, SUBGRAPH_TENSORS);
  const tensor = tableAt(bb.__vector(tensors), bb.readInt32(bb.__vector(inputs)));
  const shape = field(tensor, TENSOR_SHAPE);
  const inputShape = Array.from({ length: bb.__vector_len(shape) }, (_, k) =>
    bb.readInt32(bb.__vector(shape) + 4 * k),
  );
  const metadata = field(root, MODEL_METADATA);
  const metadataNames = Array.from({ length: metadata ? bb.__vector_len(metadata) : 0 }, (_, k) => {
    const entry = tableAt(bb.__vector(metadata), k);
    const name = bb.__string(field(entry, METADATA_ENTRY_NAME));
    return typeof name === 'string' ? name : new TextDecoder().decode(name);
  });
  expect(bb.__vector_len(field(root, MODEL_BUFFERS))).toBeGreaterThan(0);
  return { inputShape, metadataNames };
}

/** A tiny valid model: one subgraph, one float input tensor, one empty buffer, no metadata. */
function tinyModel({ bufferOffset }: { bufferOffset?: bigint } = {}): Uint8Array {
  const b = new flatbuffers.Builder(256);
  const int32s = (values: readonly number[]) => {
    b.startVector(4, values.length, 4);
    for (const v of [...values].reverse()) b.addInt32(v);
    return b.endVector();
  };
  const tables = (values: readonly flatbuffers.Offset[]) => {
    b.startVector(4, values.length, 4);
    for (const v of [...values].reverse()) b.addOffset(v);
    return b.endVector();
  };
  const shape = int32s([1, 2, 2, 3]);
  b.startObject(4);
  b.addFieldOffset(TENSOR_SHAPE, shape, 0);
  const tensors = tables([b.endObject()]);
  const inputs = int32s([0]);
  const outputs = int32s([0]);
  b.startObject(3);
  b.addFieldOffset(SUBGRAPH_TENSORS, tensors, 0);
  b.addFieldOffset(SUBGRAPH_INPUTS, inputs, 0);
  b.addFieldOffset(SUBGRAPH_OUTPUTS, outputs, 0);
  const subgraphs = tables([b.endObject()]);
  b.startObject(3);
  if (bufferOffset !== undefined) b.addFieldInt64(BUFFER_OFFSET, bufferOffset, BigInt(0));
  const buffers = tables([b.endObject()]);
  b.startObject(8);
  b.addFieldInt32(MODEL_VERSION, SCHEMA_VERSION, 0);
  b.addFieldOffset(MODEL_SUBGRAPHS, subgraphs, 0);
  b.addFieldOffset(MODEL_BUFFERS, buffers, 0);
  b.finish(b.endObject(), TFLITE_IDENTIFIER);
  return b.asUint8Array().slice();
}

const landmarkMetadata = () =>
  buildNormalizationMetadata({ name: 'pose_landmarks_detector', mean: [0], std: [255] });

describe('buildNormalizationMetadata', () => {
  it('writes an M001 flatbuffer', () => {
    const meta = landmarkMetadata();
    expect(new FlatBufferReader(meta).identifier()).toBe(METADATA_IDENTIFIER);
  });

  it('refuses mean and std of different lengths, or a zero std', () => {
    expect(() => buildNormalizationMetadata({ name: 'x', mean: [0, 0, 0], std: [1] })).toThrow(
      /same non-zero length/,
    );
    expect(() => buildNormalizationMetadata({ name: 'x', mean: [0], std: [0] })).toThrow(
      /std non-zero/,
    );
  });
});

describe('injectMetadata on the real lite landmark model', () => {
  let original: Uint8Array;
  let injected: Uint8Array;

  beforeAll(() => {
    original = new Uint8Array(readFileSync(LITE_MODEL_PATH));
    injected = injectMetadata(original, landmarkMetadata());
  });

  it('gives a TFL3 flatbuffer that an independent reader parses', () => {
    expect(new FlatBufferReader(injected).identifier()).toBe(TFLITE_IDENTIFIER);
    const before = crossCheck(original);
    const after = crossCheck(injected);
    expect(after.inputShape).toEqual(LANDMARK_INPUT_SHAPE);
    expect(after.inputShape).toEqual(before.inputShape);
    expect(after.metadataNames).toEqual([...before.metadataNames, METADATA_NAME]);
  });

  it('has a TFLITE_METADATA entry that decodes to the given normalisation', () => {
    expect(readModelMetadata(original)).toBeUndefined();
    const meta = readModelMetadata(injected);
    expect(meta).toBeDefined();
    expect(meta?.name).toBe('pose_landmarks_detector');
    expect(meta?.minParserVersion).toBe('1.0.0');
    expect(meta?.subgraphs).toEqual([
      {
        name: 'pose_landmarks_detector',
        inputs: [
          {
            name: 'image',
            colorSpace: ColorSpace.rgb,
            normalization: { mean: [0], std: [255] },
            stats: { min: [0], max: [1] },
          },
        ],
      },
    ]);
    // Buffer.data is force_align 16 in the schema.
    expect((meta?.bytes.byteOffset ?? 1) % 16).toBe(0);
    expect(meta?.bufferIndex).toBe(describeModel(original).bufferCount);
  });

  it('keeps the original bytes untouched at a 64-aligned offset', () => {
    const start = injected.length - original.length;
    expect(start % MODEL_ALIGNMENT).toBe(0);
    expect(Buffer.from(injected.subarray(start)).equals(original)).toBe(true);
    // The new root only adds a small front: the metadata and a few tables.
    expect(start).toBeLessThan(4096);
  });

  it('reads the same subgraphs, operators and input tensor from the new root', () => {
    const before = describeModel(original);
    const after = describeModel(injected);
    expect(after.subgraphCount).toBe(before.subgraphCount);
    expect(after.operatorCodeCount).toBe(before.operatorCodeCount);
    expect(after.version).toBe(before.version);
    expect(after.description).toBe(before.description);
    expect(after.inputs).toEqual(before.inputs);
    expect(after.inputs[0]).toMatchObject({ shape: LANDMARK_INPUT_SHAPE, type: FLOAT32 });
    expect(after.bufferCount).toBe(before.bufferCount + 1);
    expect(after.metadataNames).toEqual([...before.metadataNames, METADATA_NAME]);
  });

  it('refuses to inject twice', () => {
    expect(() => injectMetadata(injected, landmarkMetadata())).toThrow(
      /already has a TFLITE_METADATA/,
    );
  });
});

describe('injectMetadata on small models', () => {
  it('works on a model without metadata, description or operator codes', () => {
    const model = tinyModel();
    const mean = [123.675, 116.28, 103.53];
    const std = [58.395, 57.12, 57.375];
    const injected = injectMetadata(model, buildNormalizationMetadata({ name: 'tiny', mean, std }));
    expect(crossCheck(injected)).toEqual({
      inputShape: [1, 2, 2, 3],
      metadataNames: [METADATA_NAME],
    });
    expect(describeModel(injected)).toMatchObject({
      version: 3,
      description: undefined,
      operatorCodeCount: 0,
      bufferCount: 2,
    });
    expect(readModelMetadata(injected)?.subgraphs[0]?.inputs[0]?.normalization).toEqual({
      mean: mean.map((v) => Math.fround(v)),
      std: std.map((v) => Math.fround(v)),
    });
  });

  it('refuses buffers stored outside the flatbuffer (Buffer.offset)', () => {
    const model = tinyModel({ bufferOffset: BigInt(1024) });
    expect(() => injectMetadata(model, landmarkMetadata())).toThrow(/Buffer\.offset/);
  });

  it('refuses input that is not a TFLite model, or metadata that is not M001', () => {
    expect(() => injectMetadata(landmarkMetadata(), landmarkMetadata())).toThrow(
      /not a TFLite model/,
    );
    expect(() => injectMetadata(tinyModel(), tinyModel())).toThrow(/expected "M001"/);
  });
});
