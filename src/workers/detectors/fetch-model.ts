import { PoseEngineError, describeCause } from '../errors';

/**
 * A model download that receives nothing for this long has stalled, in ms: a slow link still
 * delivers a chunk every second or so, while a stalled one would hold the progress bar where it is
 * for good (seen once on CI, behind a test's network route: "Loading… 20 %" for 90 s).
 */
export const MODEL_STALL_MS = 30_000;

/** Why a model download was given up: nothing arrived for the stall limit. */
export class ModelStalledError extends Error {
  constructor(stallMs: number) {
    super(`nothing arrived for ${Math.round(stallMs / 1000)} s`);
    this.name = 'ModelStalledError';
  }
}

/**
 * `fetch` that gives up when nothing arrives for `stallMs`: no answer, or no new bytes of the body
 * of a good answer. It then fails, or its body errors, with a `ModelStalledError`. Both engines
 * load through it (TF.js takes it as `fetchFunc`).
 */
export function stallLimitedFetch(
  stallMs = MODEL_STALL_MS,
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expectMore = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        abort.abort(new ModelStalledError(stallMs));
      }, stallMs);
    };
    expectMore();
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal: abort.signal });
    } catch (error) {
      clearTimeout(timer);
      throw abort.signal.aborted ? abort.signal.reason : error;
    }
    if (!response.ok || !response.body) {
      clearTimeout(timer);
      return response;
    }
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          expectMore();
          controller.enqueue(chunk);
        },
        flush() {
          clearTimeout(timer);
        },
      }),
    );
    const { status, statusText, headers } = response;
    return new Response(body, { status, statusText, headers });
  };
}

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
  try {
    return await readModel(url, stallLimitedFetch(stallMs), onFraction);
  } catch (error) {
    const stalled = error instanceof PoseEngineError ? error.cause : error;
    if (!(stalled instanceof ModelStalledError)) throw error;
    throw new PoseEngineError(
      'MODEL_LOAD',
      `The model ${fileName(url)} stopped downloading: ${stalled.message}.`,
      { cause: stalled },
    );
  }
}

async function readModel(
  url: string,
  fetchModel: (url: string) => Promise<Response>,
  onFraction: (fraction: number) => void,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchModel(url);
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
