/** One decoded frame; the consumer owns the bitmap and must close or transfer it. */
import { DEFAULT_SAMPLE_FPS } from '../../pose/recording';
import { MAX_PICTURE_BYTES } from '../../content/messages';

export interface DecodedFrame {
  readonly bitmap: ImageBitmap;
  readonly timestampMs: number;
}

export type MediaKind = 'image' | 'animation' | 'video';

/** Decides how to decode a file from its MIME type, or its name when the type is missing. */
export function mediaKind(type: string, name: string): MediaKind | null {
  const lowerName = name.toLowerCase();
  if (type.startsWith('video/') || /\.(mp4|webm|mov|m4v)$/.test(lowerName)) return 'video';
  if (type === 'image/gif' || type === 'image/webp' || /\.(gif|webp)$/.test(lowerName)) {
    return 'animation';
  }
  if (type.startsWith('image/') || /\.(jpe?g|png|avif|bmp)$/.test(lowerName)) return 'image';
  return null;
}

/** The limit lives beside the sentence that states it (src/content/messages.ts). */
export { MAX_PICTURE_BYTES };

export function tooLargeToOpen(type: string, name: string, bytes: number): boolean {
  const kind = mediaKind(type, name);
  return kind !== null && kind !== 'video' && bytes > MAX_PICTURE_BYTES;
}

/**
 * Decodes a photo, an animated GIF/WebP (every frame, with its own duration) or a video (sampled
 * at `sampleFps` by seeking, so the result does not depend on playback speed).
 */
export async function* decodeFrames(
  blob: Blob,
  name: string,
  sampleFps = DEFAULT_SAMPLE_FPS,
): AsyncGenerator<DecodedFrame> {
  const kind = mediaKind(blob.type, name);
  switch (kind) {
    case 'image':
      // A phone stores a photo as its sensor saw it and an EXIF tag saying how to turn it: the
      // person is judged upright, as any viewer shows them (tests/e2e/golden-landmarks.spec.ts).
      yield {
        bitmap: await createImageBitmap(blob, { imageOrientation: 'from-image' }),
        timestampMs: 0,
      };
      return;
    case 'animation':
      yield* decodeAnimation(blob, name);
      return;
    case 'video':
      yield* decodeVideo(blob, sampleFps);
      return;
    case null:
      throw new Error(`${name} is neither a photo nor a video this app can read.`);
  }
}

async function* decodeAnimation(blob: Blob, name: string): AsyncGenerator<DecodedFrame> {
  const type = blob.type || (name.toLowerCase().endsWith('.gif') ? 'image/gif' : 'image/webp');
  const decoder = new ImageDecoder({ data: blob.stream(), type });
  try {
    await decoder.tracks.ready;
    const track = decoder.tracks.selectedTrack;
    await decoder.completed;
    const frameCount = track?.frameCount ?? 1;
    let timestampMs = 0;
    for (let frameIndex = 0; frameIndex < frameCount; frameIndex++) {
      const { image } = await decoder.decode({ frameIndex });
      const bitmap = await createImageBitmap(image);
      const durationMs = (image.duration ?? 0) / 1000;
      image.close();
      yield { bitmap, timestampMs };
      timestampMs += durationMs;
    }
  } finally {
    decoder.close();
  }
}

async function* decodeVideo(blob: Blob, sampleFps: number): AsyncGenerator<DecodedFrame> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  const url = URL.createObjectURL(blob);
  try {
    video.src = url;
    await once(video, 'loadeddata');
    const frameCount = Math.floor(video.duration * sampleFps);
    for (let frameIndex = 0; frameIndex < frameCount; frameIndex++) {
      const timeS = frameIndex / sampleFps;
      await seekTo(video, timeS);
      yield { bitmap: await createImageBitmap(video), timestampMs: timeS * 1000 };
    }
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}

/** What seeking needs of a video element. */
type SeekableVideo = EventTarget &
  Pick<
    HTMLVideoElement,
    'currentTime' | 'error' | 'requestVideoFrameCallback' | 'cancelVideoFrameCallback'
  >;

/**
 * A frame's presentation can lag its `seeked` event: on a busy machine the element still shows a
 * neighbouring frame then, and the same clip read twice gave different landmarks (docs/models.md,
 * "Decoding a clip"). A paused video presents one frame per seek, detached or not, and
 * requestVideoFrameCallback fires when it does; asked for before the seek, it cannot be missed.
 */
export async function seekTo(video: SeekableVideo, timeS: number): Promise<void> {
  // Firefox before 132 has no frame callbacks (the DOM types say every browser has them): there
  // `seeked` is all there is to wait for.
  if ((video as Partial<SeekableVideo>).requestVideoFrameCallback === undefined) {
    video.currentTime = timeS;
    await once(video, 'seeked');
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let callback = 0;
  const presented = new Promise<void>((resolve) => {
    callback = video.requestVideoFrameCallback(() => {
      resolve();
    });
  });
  video.currentTime = timeS;
  await once(video, 'seeked');
  // Bounded, so a frame never presented is read as it stands instead of stalling the clip.
  const waitLimit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, PRESENTATION_WAIT_LIMIT_MS);
  });
  await Promise.race([presented, waitLimit]);
  clearTimeout(timer);
  video.cancelVideoFrameCallback(callback);
}

/** Far past the tens of milliseconds a presentation takes after a seek here, busy or idle. */
export const PRESENTATION_WAIT_LIMIT_MS = 1000;

function once(
  target: EventTarget & Pick<HTMLMediaElement, 'error'>,
  event: 'loadeddata' | 'seeked',
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (): void => {
      target.removeEventListener(event, onEvent);
      reject(
        new Error(`This video cannot be decoded here (${target.error?.message ?? 'unknown'}).`),
      );
    };
    const onEvent = (): void => {
      target.removeEventListener('error', onError);
      resolve();
    };
    target.addEventListener(event, onEvent, { once: true });
    target.addEventListener('error', onError, { once: true });
  });
}
