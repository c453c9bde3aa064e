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

/** Splits one CSV line, honouring double-quoted fields with commas and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

function ids(cell: string): string[] {
  return cell
    .split(';')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

export function parseLabels(csv: string): LabelRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const header = splitCsvLine(lines[0] ?? '');
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`labels.csv lacks the columns: ${missing.join(', ')}`);
  const at = (cells: readonly string[], column: (typeof COLUMNS)[number] | 'source'): string =>
    (cells[header.indexOf(column)] ?? '').trim();
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    const reps = at(cells, 'reps');
    return {
      file: at(cells, 'file'),
      exercise: at(cells, 'exercise'),
      view: at(cells, 'view'),
      expected: ids(at(cells, 'expected')),
      optional: ids(at(cells, 'optional')),
      reps: reps === '' ? null : Number(reps),
      note: at(cells, 'note'),
      source: at(cells, 'source') || at(cells, 'file'),
    };
  });
}

export function readLabels(dataDir: string): LabelRow[] {
  return parseLabels(readFileSync(path.join(dataDir, 'labels.csv'), 'utf8'));
}

export function isClip(file: string): boolean {
  return /\.(mp4|webm|mov|gif|webp)$/i.test(file);
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
