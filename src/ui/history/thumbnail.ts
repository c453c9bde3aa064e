/**
 * A stored snapshot thumbnail (a base64 data URL, checked by `readSnapshot`) as bytes. The report
 * decodes these bytes with `createImageBitmap` and draws them on a canvas: an <img> with a data:
 * URL would need `img-src data:` in the page's policy, which the app does not allow. Pure.
 */
const DATA_URL = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/]+={0,2})$/;

export interface ImageBytes {
  readonly type: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** Null for anything that is not a JPEG, PNG or WebP base64 data URL. */
export function imageBytesOf(dataUrl: string): ImageBytes | null {
  const match = DATA_URL.exec(dataUrl);
  const type = match?.[1];
  const base64 = match?.[2];
  if (type === undefined || base64 === undefined) return null;
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { type, bytes };
}
