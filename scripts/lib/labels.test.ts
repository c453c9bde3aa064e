import { describe, expect, it } from 'vitest';
import { parseLabels } from './labels';

describe('labels.csv as a spreadsheet saves it', () => {
  // "CSV UTF-8" from a spreadsheet: a byte-order mark, CRLF rows, a note over two lines.
  const saved = [
    '\uFEFFFile,exercise,view,expected,optional,reps,note,source\r\n',
    'a.mp4,deadlift,side,none,,10,"good, ten reps",one\r\n',
    'b.jpg,plank,side,plank.hips-sagging,,,"says ""sagging""\r\non two lines",two\r\n',
    'c.jpg,plank,front,none,,,,\r\n',
  ].join('');
  const rows = parseLabels(saved);

  it('reads every row, the first column included', () => {
    expect(rows.map((row) => row.file)).toEqual(['a.mp4', 'b.jpg', 'c.jpg']);
    expect(rows[0]?.reps).toBe(10);
    expect(rows[0]?.note).toBe('good, ten reps');
  });

  it('keeps a quoted line break and doubled quotes inside the note', () => {
    expect(rows[1]?.note).toBe('says "sagging"\r\non two lines');
    expect(rows[1]?.expected).toEqual(['plank.hips-sagging']);
    expect(rows[1]?.source).toBe('two');
  });

  it('falls back to the file as its own source when the cell is empty', () => {
    expect(rows[2]?.source).toBe('c.jpg');
  });

  it('scores no count it cannot read as a whole number, rather than calling every count wrong', () => {
    const [approximate] = parseLabels(
      'file,exercise,view,expected,optional,reps,note\nrow.mp4,row,side,none,,4±1,\n',
    );
    expect(approximate?.reps).toBeNull();
  });

  it('says which columns are missing', () => {
    expect(() => parseLabels('file,exercise\nx.jpg,plank\n')).toThrow(
      'labels.csv lacks the columns: view, expected, optional, reps, note',
    );
  });
});
