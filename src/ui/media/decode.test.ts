import { describe, expect, it } from 'vitest';
import { MAX_PICTURE_BYTES, mediaKind, tooLargeToOpen } from './decode';

describe('opening a file', () => {
  it('knows photos, animations and clips by type or name', () => {
    expect(mediaKind('image/jpeg', 'a.jpg')).toBe('image');
    expect(mediaKind('', 'a.PNG')).toBe('image');
    expect(mediaKind('image/gif', 'a.gif')).toBe('animation');
    expect(mediaKind('', 'clip.mp4')).toBe('video');
    expect(mediaKind('text/plain', 'notes.txt')).toBeNull();
  });
  it('refuses a picture over the limit, never a clip', () => {
    expect(tooLargeToOpen('image/jpeg', 'a.jpg', MAX_PICTURE_BYTES)).toBe(false);
    expect(tooLargeToOpen('image/jpeg', 'a.jpg', MAX_PICTURE_BYTES + 1)).toBe(true);
    expect(tooLargeToOpen('image/webp', 'a.webp', MAX_PICTURE_BYTES + 1)).toBe(true);
    expect(tooLargeToOpen('video/mp4', 'a.mp4', 10 * MAX_PICTURE_BYTES)).toBe(false);
  });
});
