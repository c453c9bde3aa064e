import { PoseEngineError, describeCause } from '../errors';

/**
 * Downloads a model file from the app's own origin, reporting the fraction read so far. Reads the
 * body as a stream because the model files are several megabytes and the person waits for them.
 */
export async function fetchModelBytes(
  url: string,
  onFraction: (fraction: number) => void,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
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
