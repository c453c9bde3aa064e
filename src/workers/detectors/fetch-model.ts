import { PoseEngineError, describeCause } from '../errors';

/**
 * A model download that receives nothing for this long has stalled, in ms: a slow link still
 * delivers a chunk every second or so, while a stalled one would hold the progress bar where it is
 * for good (seen once on CI, behind a test's network route: "Loading… 20 %" for 90 s).
 */
export const MODEL_STALL_MS = 30_000;

/**
 * Downloads a model file from the app's own origin, reporting the fraction read so far. Reads the
 * body as a stream because the model files are several megabytes and the person waits for them;
 * gives up with MODEL_LOAD when nothing arrives for `stallMs`.
 */
export async function fetchModelBytes(
  url: string,
  onFraction: (fraction: number) => void,
  stallMs = MODEL_STALL_MS,
): Promise<Uint8Array> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expectMore = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      abort.abort();
    }, stallMs);
  };
  try {
    expectMore();
    return await readModel(url, abort.signal, onFraction, expectMore);
  } catch (error) {
    if (!abort.signal.aborted) throw error;
    throw new PoseEngineError(
      'MODEL_LOAD',
      `The model ${fileName(url)} stopped arriving: nothing for ${Math.round(stallMs / 1000)} s.`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

async function readModel(
  url: string,
  signal: AbortSignal,
  onFraction: (fraction: number) => void,
  onChunk: () => void,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (cause) {
    throw new PoseEngineError('MODEL_LOAD', `The model ${fileName(url)} could not be read.`, {
      cause,
    });
  }
  if (!response.ok || !response.body) {
    throw new PoseEngineError(
      'MODEL_LOAD',
      `The model ${fileName(url)} is missing (HTTP ${response.status}). Reinstall the app with npm install.`,
    );
  }
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk();
      chunks.push(value);
      received += value.byteLength;
      if (total > 0) onFraction(Math.min(1, received / total));
    }
  } catch (cause) {
    throw new PoseEngineError(
      'MODEL_LOAD',
      `Reading the model ${fileName(url)} failed: ${describeCause(cause)}`,
      { cause },
    );
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  onFraction(1);
  return bytes;
}

function fileName(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}
