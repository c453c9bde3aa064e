// A stored (uncompressed) zip writer and reader, enough for MediaPipe .task bundles.
//
// MediaPipe reads the models inside a .task in place, so entries must be stored, and their
// payloads start at a multiple of ZIP_ALIGNMENT (padding goes in the local header's extra field,
// as Android's zipalign does). Dates are fixed so the same inputs give the same bytes.

export const ZIP_ALIGNMENT = 64;

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
const MAX_COMMENT_LENGTH = 0xffff;
/** Without zip64, sizes, offsets and the entry count must fit these. */
const MAX_ZIP32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

const VERSION_NEEDED_STORED = 10;
/** Made by: Unix (3) so the external attributes carry a file mode; spec version 2.0. */
const VERSION_MADE_BY = (3 << 8) | 20;
const METHOD_STORED = 0;
const FLAG_UTF8_NAME = 1 << 11;
/** DOS date 1980-01-01, time 00:00: the earliest a zip can say, for reproducible output. */
const DOS_DATE_1980_01_01 = (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;
/** Regular file, rw-r--r--, in the high 16 bits of the external attributes. */
const UNIX_FILE_MODE = 0o100644;
/** zipalign's extra field: [id, size, alignment:u16, zero padding]. */
const ALIGNMENT_EXTRA_ID = 0xd935;
const ALIGNMENT_EXTRA_MIN_SIZE = 6;

const CRC_POLYNOMIAL = 0xedb88320;
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? CRC_POLYNOMIAL ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

interface PlacedEntry extends ZipEntry {
  nameBytes: Uint8Array;
  crc: number;
  headerOffset: number;
  extraLength: number;
}

function checkName(name: string, seen: Set<string>): void {
  if (
    name === '' ||
    name.startsWith('/') ||
    name.split('/').includes('..') ||
    name.includes('\\')
  ) {
    throw new Error(`zip entry name not allowed: "${name}"`);
  }
  if (seen.has(name)) throw new Error(`duplicate zip entry: "${name}"`);
  seen.add(name);
}

/** Extra-field length that puts the payload after a header at `headerEnd` on an aligned offset. */
function paddingFor(headerEnd: number, alignment: number): number {
  let pad = (alignment - (headerEnd % alignment)) % alignment;
  // An extra field cannot be smaller than its own header and alignment value.
  while (pad !== 0 && pad < ALIGNMENT_EXTRA_MIN_SIZE) pad += alignment;
  return pad;
}

/** A zip with every entry stored, each payload at a multiple of `alignment`. */
export function writeStoredZip(
  entries: readonly ZipEntry[],
  alignment = ZIP_ALIGNMENT,
): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new Error('too many zip entries for a zip32 file');
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  const placed: PlacedEntry[] = [];
  let pos = 0;
  for (const entry of entries) {
    checkName(entry.name, seen);
    const nameBytes = encoder.encode(entry.name);
    const extraLength = paddingFor(pos + LOCAL_HEADER_SIZE + nameBytes.length, alignment);
    placed.push({ ...entry, nameBytes, crc: crc32(entry.data), headerOffset: pos, extraLength });
    pos += LOCAL_HEADER_SIZE + nameBytes.length + extraLength + entry.data.length;
  }
  const centralOffset = pos;
  const centralSize = placed.reduce((n, e) => n + CENTRAL_HEADER_SIZE + e.nameBytes.length, 0);
  const total = centralOffset + centralSize + END_OF_CENTRAL_DIRECTORY_SIZE;
  if (total > MAX_ZIP32) throw new Error('zip too large for a zip32 file');

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const u16 = (at: number, v: number) => {
    view.setUint16(at, v, true);
  };
  const u32 = (at: number, v: number) => {
    view.setUint32(at, v, true);
  };
  const flagsFor = (e: PlacedEntry) => (e.nameBytes.length !== e.name.length ? FLAG_UTF8_NAME : 0);

  for (const e of placed) {
    const h = e.headerOffset;
    u32(h, LOCAL_HEADER_SIGNATURE);
    u16(h + 4, VERSION_NEEDED_STORED);
    u16(h + 6, flagsFor(e));
    u16(h + 8, METHOD_STORED);
    u16(h + 10, DOS_TIME_MIDNIGHT);
    u16(h + 12, DOS_DATE_1980_01_01);
    u32(h + 14, e.crc);
    u32(h + 18, e.data.length);
    u32(h + 22, e.data.length);
    u16(h + 26, e.nameBytes.length);
    u16(h + 28, e.extraLength);
    out.set(e.nameBytes, h + LOCAL_HEADER_SIZE);
    const extra = h + LOCAL_HEADER_SIZE + e.nameBytes.length;
    if (e.extraLength !== 0) {
      u16(extra, ALIGNMENT_EXTRA_ID);
      u16(extra + 2, e.extraLength - 4);
      u16(extra + 4, alignment);
    }
    out.set(e.data, extra + e.extraLength);
  }

  let c = centralOffset;
  for (const e of placed) {
    u32(c, CENTRAL_HEADER_SIGNATURE);
    u16(c + 4, VERSION_MADE_BY);
    u16(c + 6, VERSION_NEEDED_STORED);
    u16(c + 8, flagsFor(e));
    u16(c + 10, METHOD_STORED);
    u16(c + 12, DOS_TIME_MIDNIGHT);
    u16(c + 14, DOS_DATE_1980_01_01);
    u32(c + 16, e.crc);
    u32(c + 20, e.data.length);
    u32(c + 24, e.data.length);
    u16(c + 28, e.nameBytes.length);
    // 30 extra length, 32 comment length, 34 disk, 36 internal attributes: all 0
    u32(c + 38, (UNIX_FILE_MODE << 16) >>> 0);
    u32(c + 42, e.headerOffset);
    out.set(e.nameBytes, c + CENTRAL_HEADER_SIZE);
    c += CENTRAL_HEADER_SIZE + e.nameBytes.length;
  }

  u32(c, END_OF_CENTRAL_DIRECTORY_SIGNATURE);
  u16(c + 8, placed.length);
  u16(c + 10, placed.length);
  u32(c + 12, centralSize);
  u32(c + 16, centralOffset);
  return out;
}

export interface ZipEntryRead {
  name: string;
  /** A view into the zip. */
  data: Uint8Array;
  /** Where the payload starts in the zip. */
  dataOffset: number;
  crc32: number;
}

/** Lists a stored zip's entries through its central directory; checks every CRC. */
export function readStoredZip(zip: Uint8Array): ZipEntryRead[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const decoder = new TextDecoder();

  let eocd = -1;
  const earliest = Math.max(0, zip.length - END_OF_CENTRAL_DIRECTORY_SIZE - MAX_COMMENT_LENGTH);
  for (let p = zip.length - END_OF_CENTRAL_DIRECTORY_SIZE; p >= earliest; p--) {
    if (u32(p) === END_OF_CENTRAL_DIRECTORY_SIGNATURE) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record');

  const count = u16(eocd + 10);
  let c = u32(eocd + 16);
  const entries: ZipEntryRead[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(c) !== CENTRAL_HEADER_SIGNATURE) throw new Error(`bad central header at ${c}`);
    const method = u16(c + 10);
    const crc = u32(c + 16);
    const compressedSize = u32(c + 20);
    const size = u32(c + 24);
    const nameLength = u16(c + 28);
    const name = decoder.decode(
      zip.subarray(c + CENTRAL_HEADER_SIZE, c + CENTRAL_HEADER_SIZE + nameLength),
    );
    const headerOffset = u32(c + 42);
    if (method !== METHOD_STORED || compressedSize !== size) {
      throw new Error(`zip entry "${name}" is compressed (method ${method}); only stored is read`);
    }
    if (u32(headerOffset) !== LOCAL_HEADER_SIGNATURE) {
      throw new Error(`zip entry "${name}": bad local header at ${headerOffset}`);
    }
    const dataOffset =
      headerOffset + LOCAL_HEADER_SIZE + u16(headerOffset + 26) + u16(headerOffset + 28);
    const data = zip.subarray(dataOffset, dataOffset + size);
    if (data.length !== size) throw new Error(`zip entry "${name}" runs past the end of the file`);
    if (crc32(data) !== crc) throw new Error(`zip entry "${name}": CRC mismatch`);
    entries.push({ name, data, dataOffset, crc32: crc });
    c += CENTRAL_HEADER_SIZE + nameLength + u16(c + 30) + u16(c + 32);
  }
  return entries;
}
