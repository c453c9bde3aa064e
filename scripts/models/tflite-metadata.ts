// TFLite metadata for the legacy MediaPipe pose models.
//
// MediaPipe Tasks refuses a float32 image model without NormalizationOptions metadata, and the
// @mediapipe/pose weights have none. This module builds a minimal metadata flatbuffer (file
// identifier M001, tensorflow_lite_support/metadata/metadata_schema.fbs) and attaches it to a model
// (file identifier TFL3, tensorflow/lite/schema/schema.fbs) as the `TFLITE_METADATA` entry.
import * as flatbuffers from 'flatbuffers';

export const TFLITE_IDENTIFIER = 'TFL3';
export const METADATA_IDENTIFIER = 'M001';
/** Name under which TFLite tooling and MediaPipe look the metadata buffer up. */
export const METADATA_NAME = 'TFLITE_METADATA';
/** The old model bytes start at a multiple of this, so their 16-aligned tensor data stay aligned. */
export const MODEL_ALIGNMENT = 64;
/** Buffer.data is `force_align: 16` in schema.fbs; the metadata payload follows it too. */
const BUFFER_DATA_ALIGNMENT = 16;
const MIN_PARSER_VERSION = '1.0.0';
/** Pixel values are 8-bit: the Stats range is what [0, 255] normalises to. */
const PIXEL_MIN = 0;
const PIXEL_MAX = 255;

const UOFFSET_SIZE = 4;
const FILE_IDENTIFIER_OFFSET = 4;
const FILE_IDENTIFIER_LENGTH = 4;
const VTABLE_HEADER_SIZE = 4;
const VTABLE_ENTRY_SIZE = 2;

// Field slots (vtable indices) of the TFLite schema.
const ModelField = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
} as const;
const MODEL_FIELD_COUNT = 8;
const BufferField = { data: 0, offset: 1 } as const;
const MetadataField = { name: 0, buffer: 1 } as const;
const SubGraphField = { tensors: 0, inputs: 1 } as const;
const TensorField = { shape: 0, type: 1, name: 3 } as const;

// Field slots of the metadata schema. A union takes two slots: its type tag, then its value.
const ModelMetadataField = {
  name: 0,
  version: 2,
  subgraphMetadata: 3,
  minParserVersion: 7,
} as const;
const MODEL_METADATA_FIELD_COUNT = 8;
const SubGraphMetadataField = { name: 0, inputTensorMetadata: 2 } as const;
const SUBGRAPH_METADATA_FIELD_COUNT = 7;
const TensorMetadataField = { name: 0, content: 3, processUnits: 4, stats: 5 } as const;
const TENSOR_METADATA_FIELD_COUNT = 7;
const ContentField = { propertiesType: 0, properties: 1 } as const;
const CONTENT_FIELD_COUNT = 3;
const ImagePropertiesField = { colorSpace: 0 } as const;
const IMAGE_PROPERTIES_FIELD_COUNT = 2;
const ProcessUnitField = { optionsType: 0, options: 1 } as const;
const PROCESS_UNIT_FIELD_COUNT = 2;
const NormalizationOptionsField = { mean: 0, std: 1 } as const;
const StatsField = { max: 0, min: 1 } as const;
const TWO_FIELDS = 2;

// Union tags and enums of the metadata schema.
const CONTENT_IMAGE_PROPERTIES = 2;
const PROCESS_UNIT_NORMALIZATION_OPTIONS = 1;
export const ColorSpace = { unknown: 0, rgb: 1, grayscale: 2 } as const;
export type ColorSpace = (typeof ColorSpace)[keyof typeof ColorSpace];

// ---------------------------------------------------------------- reading

/** Bounds-checked little-endian reads over a flatbuffer. */
export class FlatBufferReader {
  readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(pos: number): number {
    return this.view.getUint8(pos);
  }
  i8(pos: number): number {
    return this.view.getInt8(pos);
  }
  u16(pos: number): number {
    return this.view.getUint16(pos, true);
  }
  u32(pos: number): number {
    return this.view.getUint32(pos, true);
  }
  i32(pos: number): number {
    return this.view.getInt32(pos, true);
  }
  f32(pos: number): number {
    return this.view.getFloat32(pos, true);
  }

  /** Follows the uoffset stored at `pos`. */
  deref(pos: number): number {
    const target = pos + this.u32(pos);
    if (target >= this.bytes.length) {
      throw new Error(`flatbuffer offset at ${pos} points outside the buffer`);
    }
    return target;
  }

  identifier(): string {
    const id = this.bytes.subarray(
      FILE_IDENTIFIER_OFFSET,
      FILE_IDENTIFIER_OFFSET + FILE_IDENTIFIER_LENGTH,
    );
    return String.fromCharCode(...id);
  }

  root(): FlatTable {
    return new FlatTable(this, this.deref(0));
  }

  /** The string whose length prefix is at `pos`. */
  stringAt(pos: number): string {
    const length = this.u32(pos);
    return new TextDecoder().decode(
      this.bytes.subarray(pos + UOFFSET_SIZE, pos + UOFFSET_SIZE + length),
    );
  }
}

/** One table: absent fields read as their default. */
export class FlatTable {
  private readonly vtable: number;
  private readonly vtableSize: number;

  constructor(
    readonly reader: FlatBufferReader,
    readonly pos: number,
  ) {
    this.vtable = pos - reader.i32(pos);
    this.vtableSize = reader.u16(this.vtable);
  }

  /** Number of field slots the vtable describes. */
  get slotCount(): number {
    return (this.vtableSize - VTABLE_HEADER_SIZE) / VTABLE_ENTRY_SIZE;
  }

  /** Absolute position of the field's value, or 0 when absent. */
  fieldPos(slot: number): number {
    const entry = VTABLE_HEADER_SIZE + VTABLE_ENTRY_SIZE * slot;
    if (entry >= this.vtableSize) return 0;
    const rel = this.reader.u16(this.vtable + entry);
    return rel === 0 ? 0 : this.pos + rel;
  }

  has(slot: number): boolean {
    return this.fieldPos(slot) !== 0;
  }

  u8(slot: number, fallback = 0): number {
    const p = this.fieldPos(slot);
    return p === 0 ? fallback : this.reader.u8(p);
  }
  i8(slot: number, fallback = 0): number {
    const p = this.fieldPos(slot);
    return p === 0 ? fallback : this.reader.i8(p);
  }
  u32(slot: number, fallback = 0): number {
    const p = this.fieldPos(slot);
    return p === 0 ? fallback : this.reader.u32(p);
  }

  /** Absolute position of the object a reference field points at, or 0 when absent. */
  target(slot: number): number {
    const p = this.fieldPos(slot);
    return p === 0 ? 0 : this.reader.deref(p);
  }

  string(slot: number): string | undefined {
    const t = this.target(slot);
    return t === 0 ? undefined : this.reader.stringAt(t);
  }

  table(slot: number): FlatTable | undefined {
    const t = this.target(slot);
    return t === 0 ? undefined : new FlatTable(this.reader, t);
  }

  /** Start of the elements and the length of a vector field (empty when absent). */
  vector(slot: number): { start: number; length: number } {
    const t = this.target(slot);
    if (t === 0) return { start: 0, length: 0 };
    return { start: t + UOFFSET_SIZE, length: this.reader.u32(t) };
  }

  tables(slot: number): FlatTable[] {
    const { start, length } = this.vector(slot);
    return Array.from(
      { length },
      (_, k) => new FlatTable(this.reader, this.reader.deref(start + UOFFSET_SIZE * k)),
    );
  }

  i32s(slot: number): number[] {
    const { start, length } = this.vector(slot);
    return Array.from({ length }, (_, k) => this.reader.i32(start + 4 * k));
  }

  f32s(slot: number): number[] {
    const { start, length } = this.vector(slot);
    return Array.from({ length }, (_, k) => this.reader.f32(start + 4 * k));
  }

  bytes(slot: number): Uint8Array | undefined {
    if (!this.has(slot)) return undefined;
    const { start, length } = this.vector(slot);
    return this.reader.bytes.subarray(start, start + length);
  }
}

function modelRoot(model: Uint8Array): FlatTable {
  const reader = new FlatBufferReader(model);
  const id = reader.identifier();
  if (id !== TFLITE_IDENTIFIER) {
    throw new Error(
      `not a TFLite model: file identifier is "${id}", expected "${TFLITE_IDENTIFIER}"`,
    );
  }
  return reader.root();
}

export interface TensorSummary {
  name: string | undefined;
  shape: number[];
  /** TensorType enum of schema.fbs: 0 is FLOAT32. */
  type: number;
}

export interface ModelSummary {
  version: number;
  description: string | undefined;
  operatorCodeCount: number;
  subgraphCount: number;
  bufferCount: number;
  metadataNames: string[];
  /** Inputs of the main (first) subgraph. */
  inputs: TensorSummary[];
}

/** The parts of a model that injection must not change (plus the metadata entry names). */
export function describeModel(model: Uint8Array): ModelSummary {
  const root = modelRoot(model);
  const subgraphs = root.tables(ModelField.subgraphs);
  const main = subgraphs[0];
  const tensors = main?.tables(SubGraphField.tensors) ?? [];
  const inputs = (main?.i32s(SubGraphField.inputs) ?? []).map((index): TensorSummary => {
    const tensor = tensors[index];
    if (tensor === undefined) throw new Error(`input tensor index ${index} out of range`);
    return {
      name: tensor.string(TensorField.name),
      shape: tensor.i32s(TensorField.shape),
      type: tensor.i8(TensorField.type),
    };
  });
  return {
    version: root.u32(ModelField.version),
    description: root.string(ModelField.description),
    operatorCodeCount: root.vector(ModelField.operatorCodes).length,
    subgraphCount: subgraphs.length,
    bufferCount: root.vector(ModelField.buffers).length,
    metadataNames: root.tables(ModelField.metadata).map((m) => m.string(MetadataField.name) ?? ''),
    inputs,
  };
}

export interface NormalizationInfo {
  mean: number[];
  std: number[];
}

export interface TensorMetadataInfo {
  name: string | undefined;
  colorSpace: number | undefined;
  normalization: NormalizationInfo | undefined;
  stats: { min: number[]; max: number[] } | undefined;
}

export interface ModelMetadataInfo {
  /** Index in Model.buffers of the metadata bytes. */
  bufferIndex: number;
  /** The M001 flatbuffer itself, a view into the model. */
  bytes: Uint8Array;
  name: string | undefined;
  version: string | undefined;
  minParserVersion: string | undefined;
  subgraphs: { name: string | undefined; inputs: TensorMetadataInfo[] }[];
}

/** Finds the `TFLITE_METADATA` entry and decodes it; undefined when the model has none. */
export function readModelMetadata(model: Uint8Array): ModelMetadataInfo | undefined {
  const root = modelRoot(model);
  const entry = root
    .tables(ModelField.metadata)
    .find((m) => m.string(MetadataField.name) === METADATA_NAME);
  if (entry === undefined) return undefined;
  const bufferIndex = entry.u32(MetadataField.buffer);
  const buffer = root.tables(ModelField.buffers)[bufferIndex];
  const bytes = buffer?.bytes(BufferField.data);
  if (bytes === undefined) {
    throw new Error(`${METADATA_NAME} points at buffer ${bufferIndex}, which holds no data`);
  }
  const reader = new FlatBufferReader(bytes);
  const id = reader.identifier();
  if (id !== METADATA_IDENTIFIER) {
    throw new Error(
      `${METADATA_NAME} has file identifier "${id}", expected "${METADATA_IDENTIFIER}"`,
    );
  }
  const meta = reader.root();
  return {
    bufferIndex,
    bytes,
    name: meta.string(ModelMetadataField.name),
    version: meta.string(ModelMetadataField.version),
    minParserVersion: meta.string(ModelMetadataField.minParserVersion),
    subgraphs: meta.tables(ModelMetadataField.subgraphMetadata).map((sg) => ({
      name: sg.string(SubGraphMetadataField.name),
      inputs: sg.tables(SubGraphMetadataField.inputTensorMetadata).map(readTensorMetadata),
    })),
  };
}

function readTensorMetadata(tm: FlatTable): TensorMetadataInfo {
  const content = tm.table(TensorMetadataField.content);
  const isImage = content?.u8(ContentField.propertiesType) === CONTENT_IMAGE_PROPERTIES;
  const image = isImage ? content.table(ContentField.properties) : undefined;
  const norm = tm
    .tables(TensorMetadataField.processUnits)
    .find((pu) => pu.u8(ProcessUnitField.optionsType) === PROCESS_UNIT_NORMALIZATION_OPTIONS)
    ?.table(ProcessUnitField.options);
  const stats = tm.table(TensorMetadataField.stats);
  return {
    name: tm.string(TensorMetadataField.name),
    colorSpace: image?.i8(ImagePropertiesField.colorSpace),
    normalization: norm && {
      mean: norm.f32s(NormalizationOptionsField.mean),
      std: norm.f32s(NormalizationOptionsField.std),
    },
    stats: stats && { min: stats.f32s(StatsField.min), max: stats.f32s(StatsField.max) },
  };
}

// ---------------------------------------------------------------- building the metadata

export interface NormalizationMetadataOptions {
  /** Model and subgraph name, e.g. 'pose_detector'. */
  name: string;
  /** Input = (pixel - mean) / std, one value for all channels or one per channel. */
  mean: readonly number[];
  std: readonly number[];
  /** Name of the input tensor's metadata entry. */
  tensorName?: string;
  colorSpace?: ColorSpace;
}

/** A ModelMetadata (M001) flatbuffer describing one normalised image input. */
export function buildNormalizationMetadata(options: NormalizationMetadataOptions): Uint8Array {
  const { name, mean, std, tensorName = 'image', colorSpace = ColorSpace.rgb } = options;
  if (mean.length === 0 || mean.length !== std.length) {
    throw new Error(
      `mean and std need the same non-zero length (got ${mean.length}, ${std.length})`,
    );
  }
  if (![...mean, ...std].every(Number.isFinite) || std.includes(0)) {
    throw new Error('mean and std must be finite and std non-zero');
  }
  // Informational range of the normalised input, as the official metadata writers fill it.
  const min = mean.map((m, i) => (PIXEL_MIN - m) / (std[i] ?? 1));
  const max = mean.map((m, i) => (PIXEL_MAX - m) / (std[i] ?? 1));

  const b = new flatbuffers.Builder(1024);
  const floats = (values: readonly number[]): flatbuffers.Offset => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i] ?? 0);
    return b.endVector();
  };
  const offsets = (values: readonly flatbuffers.Offset[]): flatbuffers.Offset => {
    b.startVector(UOFFSET_SIZE, values.length, UOFFSET_SIZE);
    for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i] ?? 0);
    return b.endVector();
  };

  const meanVec = floats(mean);
  const stdVec = floats(std);
  b.startObject(TWO_FIELDS);
  b.addFieldOffset(NormalizationOptionsField.mean, meanVec, 0);
  b.addFieldOffset(NormalizationOptionsField.std, stdVec, 0);
  const normalization = b.endObject();

  b.startObject(PROCESS_UNIT_FIELD_COUNT);
  b.addFieldInt8(ProcessUnitField.optionsType, PROCESS_UNIT_NORMALIZATION_OPTIONS, 0);
  b.addFieldOffset(ProcessUnitField.options, normalization, 0);
  const processUnits = offsets([b.endObject()]);

  b.startObject(IMAGE_PROPERTIES_FIELD_COUNT);
  b.addFieldInt8(ImagePropertiesField.colorSpace, colorSpace, 0);
  const imageProperties = b.endObject();

  b.startObject(CONTENT_FIELD_COUNT);
  b.addFieldInt8(ContentField.propertiesType, CONTENT_IMAGE_PROPERTIES, 0);
  b.addFieldOffset(ContentField.properties, imageProperties, 0);
  const content = b.endObject();

  const maxVec = floats(max);
  const minVec = floats(min);
  b.startObject(TWO_FIELDS);
  b.addFieldOffset(StatsField.max, maxVec, 0);
  b.addFieldOffset(StatsField.min, minVec, 0);
  const stats = b.endObject();

  const tensorNameStr = b.createString(tensorName);
  b.startObject(TENSOR_METADATA_FIELD_COUNT);
  b.addFieldOffset(TensorMetadataField.name, tensorNameStr, 0);
  b.addFieldOffset(TensorMetadataField.content, content, 0);
  b.addFieldOffset(TensorMetadataField.processUnits, processUnits, 0);
  b.addFieldOffset(TensorMetadataField.stats, stats, 0);
  const inputs = offsets([b.endObject()]);

  const subgraphName = b.createString(name);
  b.startObject(SUBGRAPH_METADATA_FIELD_COUNT);
  b.addFieldOffset(SubGraphMetadataField.name, subgraphName, 0);
  b.addFieldOffset(SubGraphMetadataField.inputTensorMetadata, inputs, 0);
  const subgraphs = offsets([b.endObject()]);

  const modelName = b.createString(name);
  const parserVersion = b.createString(MIN_PARSER_VERSION);
  b.startObject(MODEL_METADATA_FIELD_COUNT);
  b.addFieldOffset(ModelMetadataField.name, modelName, 0);
  b.addFieldOffset(ModelMetadataField.subgraphMetadata, subgraphs, 0);
  b.addFieldOffset(ModelMetadataField.minParserVersion, parserVersion, 0);
  b.finish(b.endObject(), METADATA_IDENTIFIER);
  // asUint8Array is a view into the builder's larger buffer: copy it out.
  return b.asUint8Array().slice();
}

// ---------------------------------------------------------------- injecting it

/** Writes a flatbuffer front to back; uoffsets are patched once every target is known. */
class ForwardWriter {
  private buf = new Uint8Array(512);
  private view = new DataView(this.buf.buffer);
  private readonly fixups: { at: number; target: () => number }[] = [];
  pos = 0;

  private reserve(n: number): number {
    const at = this.pos;
    if (at + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, at + n));
      grown.set(this.buf);
      this.buf = grown;
      this.view = new DataView(grown.buffer);
    }
    this.pos += n;
    return at;
  }

  align(alignment: number, offset = 0): void {
    while ((this.pos + offset) % alignment !== 0) this.reserve(1);
  }

  u16(value: number): number {
    const at = this.reserve(2);
    this.view.setUint16(at, value, true);
    return at;
  }

  u32(value: number): number {
    const at = this.reserve(4);
    this.view.setUint32(at, value, true);
    return at;
  }

  i32(value: number): number {
    const at = this.reserve(4);
    this.view.setInt32(at, value, true);
    return at;
  }

  bytes(data: Uint8Array): number {
    const at = this.reserve(data.length);
    this.buf.set(data, at);
    return at;
  }

  /** A uoffset to a position that may only be known later (flatbuffer offsets point forward). */
  uoffset(target: () => number): number {
    const at = this.u32(0);
    this.fixups.push({ at, target });
    return at;
  }

  /**
   * A table whose fields are all 4 bytes wide (uint scalars or uoffsets), its vtable just
   * before it. `fields[slot]` undefined leaves the slot absent.
   */
  table(fields: readonly (TableField | undefined)[]): number {
    this.align(2);
    const present = fields.filter((f) => f !== undefined).length;
    const vtable = this.u16(VTABLE_HEADER_SIZE + VTABLE_ENTRY_SIZE * fields.length);
    this.u16(UOFFSET_SIZE * (1 + present));
    let fieldOffset = UOFFSET_SIZE;
    for (const field of fields) {
      this.u16(field === undefined ? 0 : fieldOffset);
      if (field !== undefined) fieldOffset += UOFFSET_SIZE;
    }
    this.align(4);
    const table = this.i32(0);
    this.view.setInt32(table, table - vtable, true);
    for (const field of fields) {
      if (field === undefined) continue;
      if ('scalar' in field) this.u32(field.scalar);
      else this.uoffset(field.target);
    }
    return table;
  }

  /** A vector of uoffsets. */
  offsetVector(targets: readonly (() => number)[]): number {
    this.align(4);
    const at = this.u32(targets.length);
    for (const target of targets) this.uoffset(target);
    return at;
  }

  string(s: string): number {
    const encoded = new TextEncoder().encode(s);
    this.align(4);
    const at = this.u32(encoded.length);
    this.bytes(encoded);
    this.reserve(1); // flatbuffer strings are NUL-terminated
    return at;
  }

  /** Resolves the uoffsets and returns the written bytes. */
  finish(): Uint8Array {
    for (const { at, target } of this.fixups) {
      const to = target();
      if (!(to > at)) throw new Error(`internal: uoffset at ${at} would point back to ${to}`);
      this.view.setUint32(at, to - at, true);
    }
    return this.buf.slice(0, this.pos);
  }
}

type TableField = { scalar: number } | { target: () => number };

/**
 * Returns a model with `metadata` attached as its `TFLITE_METADATA` entry. A new root Model table
 * is written in front of the untouched old bytes (flatbuffer offsets only point forward, so the
 * new root can reuse the old operator codes, subgraphs, buffers and strings by offset); the old
 * bytes start at a multiple of MODEL_ALIGNMENT.
 */
export function injectMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  const root = modelRoot(model);
  const metaId = new FlatBufferReader(metadata).identifier();
  if (metaId !== METADATA_IDENTIFIER) {
    throw new Error(`metadata has file identifier "${metaId}", expected "${METADATA_IDENTIFIER}"`);
  }
  for (let slot = MODEL_FIELD_COUNT; slot < root.slotCount; slot++) {
    // A field from a newer schema would be dropped silently: refuse instead.
    if (root.has(slot)) throw new Error(`model has Model field ${slot}, unknown to this injector`);
  }
  const oldMetadata = root.tables(ModelField.metadata);
  if (oldMetadata.some((m) => m.string(MetadataField.name) === METADATA_NAME)) {
    throw new Error(`model already has a ${METADATA_NAME} entry`);
  }
  const oldBuffers = root.tables(ModelField.buffers);
  if (oldBuffers.some((b) => b.has(BufferField.offset))) {
    // Buffer.offset (models over 2 GB) is absolute in the file: moving the bytes would break it.
    throw new Error('model keeps buffers outside the flatbuffer (Buffer.offset); not supported');
  }

  const w = new ForwardWriter();
  let oldStart = -1; // known once the front is written
  const old = (pos: number) => () => oldStart + pos;
  const reuse = (slot: number): TableField | undefined =>
    root.has(slot) ? { target: old(root.target(slot)) } : undefined;
  const at = { model: -1, buffers: -1, metadata: -1, buffer: -1, entry: -1, name: -1, data: -1 };
  const front = (key: keyof typeof at) => () => at[key];

  w.uoffset(front('model'));
  w.bytes(new TextEncoder().encode(TFLITE_IDENTIFIER));
  const modelFields: (TableField | undefined)[] = [];
  modelFields[ModelField.version] = root.has(ModelField.version)
    ? { scalar: root.u32(ModelField.version) }
    : undefined;
  modelFields[ModelField.operatorCodes] = reuse(ModelField.operatorCodes);
  modelFields[ModelField.subgraphs] = reuse(ModelField.subgraphs);
  modelFields[ModelField.description] = reuse(ModelField.description);
  modelFields[ModelField.buffers] = { target: front('buffers') };
  modelFields[ModelField.metadataBuffer] = reuse(ModelField.metadataBuffer);
  modelFields[ModelField.metadata] = { target: front('metadata') };
  modelFields[ModelField.signatureDefs] = reuse(ModelField.signatureDefs);
  at.model = w.table(modelFields);
  // Vectors before the tables they list: every uoffset points forward.
  at.buffers = w.offsetVector([...oldBuffers.map((b) => old(b.pos)), front('buffer')]);
  at.metadata = w.offsetVector([...oldMetadata.map((m) => old(m.pos)), front('entry')]);
  at.buffer = w.table([{ target: front('data') }]);
  at.entry = w.table([{ target: front('name') }, { scalar: oldBuffers.length }]);
  at.name = w.string(METADATA_NAME);
  w.align(BUFFER_DATA_ALIGNMENT, UOFFSET_SIZE);
  at.data = w.u32(metadata.length);
  w.bytes(metadata);
  w.align(MODEL_ALIGNMENT);
  oldStart = w.pos;
  const head = w.finish();

  const out = new Uint8Array(head.length + model.length);
  out.set(head);
  out.set(model, oldStart);
  return out;
}
