import { describe, expect, it } from 'vitest';
import { formatTable, median, percentile } from './stats';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(median(samples)).toBe(5);
    expect(percentile(samples, 0.9)).toBe(9);
    expect(percentile(samples, 1)).toBe(10);
  });

  it('is NaN without samples', () => {
    expect(median([])).toBeNaN();
  });
});

describe('formatTable', () => {
  it('aligns columns', () => {
    expect(formatTable(['a', 'ms'], [['lite', '12.5']])).toBe(
      ['| a    | ms   |', '|------|------|', '| lite | 12.5 |'].join('\n'),
    );
  });
});
