import { describe, expect, it } from 'vitest';
import { TINY_THUMBNAIL } from '../../storage/testing';
import { imageBytesOf } from './thumbnail';

describe('imageBytesOf', () => {
  it('decodes a stored thumbnail to its bytes and type', () => {
    const image = imageBytesOf(TINY_THUMBNAIL);
    expect(image?.type).toBe('image/jpeg');
    // A JPEG starts with the SOI marker FF D8.
    expect([...(image?.bytes.slice(0, 2) ?? [])]).toEqual([0xff, 0xd8]);
  });

  it('refuses anything but a raster base64 data URL', () => {
    expect(imageBytesOf('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull();
    expect(imageBytesOf('javascript:alert(1)')).toBeNull();
    expect(imageBytesOf('data:image/png;base64,a')).toBeNull(); // not valid base64
    expect(imageBytesOf('data:image/png;base64,')).toBeNull();
  });
});
