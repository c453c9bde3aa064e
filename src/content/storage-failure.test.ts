import { describe, expect, it } from 'vitest';
import { toStorageError } from '../storage';
import { storageFailureText } from './storage-failure';

describe('what a failed storage action says', () => {
  it('is the storage’s own message, which says what was kept', () => {
    const full = toStorageError(new DOMException('full', 'QuotaExceededError'), 'delete');
    expect(storageFailureText(full)).toBe(
      'Your device is out of storage space: nothing was deleted. Free some space or export your data.',
    );
  });

  it('says nothing was changed for anything else thrown', () => {
    expect(storageFailureText(new TypeError('x is undefined'))).toBe(
      'That did not work, and nothing was changed. Reload the page and try again.',
    );
    expect(
      storageFailureText(new TypeError('x'), 'Plumbline could not read your saved data.'),
    ).toBe('Plumbline could not read your saved data.');
  });
});
