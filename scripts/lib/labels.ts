import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One row of a test-data folder's labels.csv (format: shared testdata README). */
export interface LabelRow {
  readonly file: string;
  readonly exercise: string;
  readonly view: string;
  /** 'none', 'unknown', or fault ids. */
  readonly expected: readonly string[];
  readonly optional: readonly string[];
  /** Complete reps in a clip; null when not scored. */
  readonly reps: number | null;
  readonly note: string;
  /**
   * Where the file came from (same person, place or camera): files of one source are left out
   * together when checking how a chosen limit generalises. A folder without the column falls back
   * to the file's own name, each file its own source.
   */
  readonly source: string;
}

const COLUMNS = ['file', 'exercise', 'view', 'expected', 'optional', 'reps', 'note'] as const;

/**
 * Splits a CSV text into rows of fields (RFC 4180): double-quoted fields may hold commas, doubled
 * quotes and line breaks; rows end with LF or CRLF; a leading byte-order mark (a spreadsheet's
 * "CSV UTF-8") is dropped.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const char = body.charAt(i);
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') endRow();
    else if (char !== '\r' || body[i + 1] !== '\n') field += char;
  }
  if (field.length > 0 || row.length > 0) endRow();
  return rows.filter((cells) => cells.some((cell) => cell.trim().length > 0));
}

function ids(cell: string): string[] {
  return cell
    .split(';')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

/** A rep count: a whole number, or empty for none; anything else is said and not scored. */
function repsOf(cell: string, file: string): number | null {
  if (cell === '') return null;
  if (/^\d+$/.test(cell)) return Number(cell);
  console.error(`${file}: reps "${cell}" is not a whole number; its count is not scored`);
  return null;
}

export function parseLabels(csv: string): LabelRow[] {
  const [headerCells = [], ...rows] = parseCsv(csv);
  const header = headerCells.map((name) => name.trim().toLowerCase());
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`labels.csv lacks the columns: ${missing.join(', ')}`);
  const at = (cells: readonly string[], column: (typeof COLUMNS)[number] | 'source'): string =>
    (cells[header.indexOf(column)] ?? '').trim();
  return rows.map((cells) => {
    const reps = at(cells, 'reps');
    return {
      file: at(cells, 'file'),
      exercise: at(cells, 'exercise'),
      view: at(cells, 'view'),
      expected: ids(at(cells, 'expected')),
      optional: ids(at(cells, 'optional')),
      reps: repsOf(reps, at(cells, 'file')),
      note: at(cells, 'note'),
      source: at(cells, 'source') || at(cells, 'file'),
    };
  });
}

export function readLabels(dataDir: string): LabelRow[] {
  return parseLabels(readFileSync(path.join(dataDir, 'labels.csv'), 'utf8'));
}

export function isClip(file: string): boolean {
  return /\.(mp4|m4v|mov|webm|mkv|avi|gif|webp)$/i.test(file);
}

/**
 * `--only` for a labelled file: a folder ("plank" or "plank/"), a file, or a glob where `*` is any
 * run of characters within a folder and `**` any run across folders; a comma separates several.
 */
export function matchesOnly(file: string, only: string): boolean {
  return only
    .split(',')
    .map((pattern) => pattern.trim().replace(/\/$/, ''))
    .filter((pattern) => pattern.length > 0)
    .some((pattern) => {
      if (!pattern.includes('*')) return file === pattern || file.startsWith(`${pattern}/`);
      const source = pattern
        .split('**')
        .map((part) =>
          part
            .split('*')
            .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
        )
        .join('.*');
      return new RegExp(`^${source}$`).test(file);
    });
}
