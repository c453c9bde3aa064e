import { useEffect, type RefObject } from 'react';
import { imageBytesOf } from '../history/thumbnail';

/**
 * Draws a stored thumbnail on the canvas at its own size. Decoded from bytes (no URL is loaded),
 * so it needs no `img-src` allowance; an image that will not decode leaves the canvas blank.
 */
export function useThumbnail(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  dataUrl: string | null,
): void {
  useEffect(() => {
    const canvas = canvasRef.current;
    const image = dataUrl === null ? null : imageBytesOf(dataUrl);
    if (canvas === null || image === null) return;
    let cancelled = false;
    createImageBitmap(new Blob([image.bytes], { type: image.type })).then(
      (bitmap) => {
        if (!cancelled) {
          canvas.width = bitmap.width;
          canvas.height = bitmap.height;
          canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
        }
        bitmap.close();
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [canvasRef, dataUrl]);
}
