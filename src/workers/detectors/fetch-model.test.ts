import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PoseEngineError } from '../errors';
import { ModelStalledError, fetchModelBytes, stallLimitedFetch } from './fetch-model';

const URL = '/models/pose_landmarker_full.task';
const STALL_MS = 60;

// On the fake clock: a busy machine's late timers would otherwise read a steady download as
// stalled (seen on a loaded run).
beforeEach(() => {
  vi.useFakeTimers();
});

/** A fetch that answers with `chunks`, one every `everyMs`, then ends, or hangs when `hangAfter`. */
function servedInChunks(chunks: readonly Uint8Array[], everyMs: number, hangAfter = false) {
  return (_url: string, init?: RequestInit): Promise<Response> => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // A fetch errors its body with the abort's reason (the Fetch standard's "abort fetch").
        init?.signal?.addEventListener('abort', () => {
          controller.error(init.signal?.reason);
        });
      },
      pull(controller) {
        if (sent === chunks.length) {
          if (hangAfter) return new Promise<void>(() => undefined);
          controller.close();
          return undefined;
        }
        const chunk = chunks[sent++];
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            // A stalled download's body is errored by then: nothing more can be sent.
            if (chunk && !init?.signal?.aborted) controller.enqueue(chunk);
            resolve();
          }, everyMs),
        );
      },
    });
    const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    const headers = { 'content-length': String(hangAfter ? total * 2 : total) };
    return Promise.resolve(new Response(body, { status: 200, headers }));
  };
}

/** A fetch whose answer never comes, until its signal aborts it. */
function neverAnswers(_url: string, init?: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => {
      const reason: unknown = init.signal?.reason;
      reject(reason instanceof Error ? reason : new Error(String(reason)));
    });
  });
}

/** Waits for `promise` while the fake clock runs every timer due, in order. */
async function withTimersRun<T>(promise: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return promise;
}

async function loadError(stallMs = STALL_MS): Promise<PoseEngineError> {
  const outcome = await withTimersRun(
    fetchModelBytes(URL, () => undefined, stallMs).then(
      () => null,
      (error: unknown) => error,
    ),
  );
  if (!(outcome instanceof PoseEngineError))
    throw new Error('The load did not fail as MODEL_LOAD.');
  return outcome;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('fetchModelBytes', () => {
  it('reads a model sent slowly but steadily, to the last byte', async () => {
    const chunks = Array.from({ length: 8 }, (_, i) => new Uint8Array([i, i, i]));
    vi.stubGlobal('fetch', servedInChunks(chunks, STALL_MS / 3));
    const fractions: number[] = [];
    const bytes = await withTimersRun(
      fetchModelBytes(URL, (fraction) => fractions.push(fraction), STALL_MS),
    );
    expect([...bytes]).toEqual(chunks.flatMap((chunk) => [...chunk]));
    expect(fractions.at(-1)).toBe(1);
  });

  it('gives up with MODEL_LOAD when the download stops part way', async () => {
    vi.stubGlobal('fetch', servedInChunks([new Uint8Array(10)], 5, true));
    const error = await loadError();
    expect(error.code).toBe('MODEL_LOAD');
    expect(error.message).toContain('pose_landmarker_full.task stopped downloading');
  });

  it('gives up with MODEL_LOAD when the server never answers, naming the file and the wait', async () => {
    vi.stubGlobal('fetch', neverAnswers);
    const error = await loadError(1000);
    expect(error.code).toBe('MODEL_LOAD');
    expect(error.message).toBe(
      'The model pose_landmarker_full.task stopped downloading: nothing arrived for 1 s.',
    );
  });

  it('says a missing file is missing, not stalled', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
    const error = await loadError();
    expect(error.code).toBe('MODEL_LOAD');
    expect(error.message).toContain('is missing (HTTP 404)');
  });

  it('gives TF.js (MoveNet) a fetch whose stalled body errors as stalled, and passes a 404 on', async () => {
    vi.stubGlobal('fetch', servedInChunks([new Uint8Array(4)], 5, true));
    const response = await stallLimitedFetch(STALL_MS)(URL);
    const read = await withTimersRun(
      response.arrayBuffer().then(
        () => null,
        (error: unknown) => error,
      ),
    );
    expect(read).toBeInstanceOf(ModelStalledError);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
    expect((await stallLimitedFetch(STALL_MS)(URL)).status).toBe(404);
  });
});
