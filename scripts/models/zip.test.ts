import { describe, expect, it } from 'vitest';

import { ZIP_ALIGNMENT, crc32, readStoredZip, writeStoredZip } from './zip';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;

function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const u32At = (bytes: Uint8Array, at: number) =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('writeStoredZip / readStoredZip', () => {
  const entries = [
    { name: 'pose_detector.tflite', data: pseudoRandomBytes(1000, 1) },
    { name: 'a', data: pseudoRandomBytes(3, 2) },
    { name: 'empty.bin', data: new Uint8Array(0) },
    { name: 'dir/pose_landmarks_detector.tflite', data: pseudoRandomBytes(4097, 3) },
    { name: 'näme.txt', data: new TextEncoder().encode('utf-8 name') },
  ];

  it('round-trips names and bytes, with 64-aligned payloads and matching CRCs', () => {
    const zip = writeStoredZip(entries);
    expect(u32At(zip, 0)).toBe(LOCAL_HEADER_SIGNATURE);
    expect(u32At(zip, zip.length - 22)).toBe(END_OF_CENTRAL_DIRECTORY_SIGNATURE);
    const read = readStoredZip(zip);
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((entry, i) => {
      expect(entry.dataOffset % ZIP_ALIGNMENT).toBe(0);
      expect(Array.from(entry.data)).toEqual(Array.from(entries[i]?.data ?? []));
      expect(entry.crc32).toBe(crc32(entries[i]?.data ?? new Uint8Array()));
    });
  });

  it('aligns to other powers of two too', () => {
    for (const alignment of [4, 16, 4096]) {
      const read = readStoredZip(writeStoredZip(entries, alignment));
      expect(read.every((e) => e.dataOffset % alignment === 0)).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(writeStoredZip(entries)).toEqual(writeStoredZip(entries));
  });

  it('reports a corrupted payload as a CRC mismatch', () => {
    const zip = writeStoredZip(entries);
    const first = readStoredZip(zip)[0];
    if (first === undefined) throw new Error('no entries');
    const at = first.dataOffset + 10;
    zip[at] = (zip[at] ?? 0) ^ 0xff;
    expect(() => readStoredZip(zip)).toThrow(/pose_detector\.tflite": CRC mismatch/);
  });

  it('refuses duplicate and unsafe names', () => {
    const data = new Uint8Array(1);
    expect(() =>
      writeStoredZip([
        { name: 'x', data },
        { name: 'x', data },
      ]),
    ).toThrow(/duplicate/);
    for (const name of ['', '/abs', '../up', 'a/../b', 'back\\slash']) {
      expect(() => writeStoredZip([{ name, data }])).toThrow(/not allowed/);
    }
  });

  it('refuses something that is not a zip', () => {
    expect(() => readStoredZip(new Uint8Array(100))).toThrow(/not a zip/);
  });
});
