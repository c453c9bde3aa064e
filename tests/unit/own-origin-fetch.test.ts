/**
 * The worker's fetch guard, in Node with a fake worker scope: what it lets through reaches the real
 * fetch untouched; anything else is refused without the real fetch ever being called.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { restrictFetchToOwnOrigin } from '../../src/workers/own-origin-fetch';
import type { FetchScope } from '../../src/workers/own-origin-fetch';

const APP_ORIGIN = 'http://127.0.0.1:4173';
const WORKER_URL = `${APP_ORIGIN}/assets/pose.worker-abc123.js`;
/** tasks-vision 1.1.0's usage log endpoint (docs/models.md). */
const TELEMETRY_URL = 'https://odml.pa.googleapis.com/v1/log';

function guardedScope(): { scope: FetchScope; network: ReturnType<typeof vi.fn> } {
  const network = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(new Response('ok')),
  );
  const scope: FetchScope = {
    fetch: network,
    location: { origin: APP_ORIGIN, href: WORKER_URL },
  };
  restrictFetchToOwnOrigin(scope);
  return { scope, network };
}

describe('restrictFetchToOwnOrigin', () => {
  it.each([
    ['an absolute URL', `${APP_ORIGIN}/models/pose_landmarker_full.task`],
    ['a root-relative URL', '/wasm/mediapipe/vision_wasm_module_internal.wasm'],
    ['a relative URL', '../models/movenet-lightning.json'],
    ['a URL object', new URL('/models/movenet-lightning.bin', APP_ORIGIN)],
    ['a Request', new Request(`${APP_ORIGIN}/models/manifest.json`)],
    ['a blob: URL the app made', `blob:${APP_ORIGIN}/5b1d7d3e-9c1f-4f43-9a57-1f0c1b8f0f0e`],
  ])('lets %s on the app origin through, unchanged', async (_what, input) => {
    const { scope, network } = guardedScope();
    const init = { method: 'GET' };
    await expect(scope.fetch(input, init)).resolves.toBeInstanceOf(Response);
    expect(network).toHaveBeenCalledWith(input, init);
  });

  it.each([
    ['the MediaPipe usage log', TELEMETRY_URL],
    ['the same host on another port', 'http://127.0.0.1:4174/models/x.task'],
    ['the same host over https', 'https://127.0.0.1:4173/models/x.task'],
    ['a protocol-relative URL', '//odml.pa.googleapis.com/v1/log'],
    ['a Request to another origin', new Request(TELEMETRY_URL, { method: 'POST' })],
    ['a data: URL', 'data:text/plain,hello'],
    ['a blob: URL of another origin', 'blob:https://example.com/5b1d7d3e'],
    ['localhost (another origin than 127.0.0.1)', 'http://localhost:4173/models/x.task'],
  ])('refuses %s without touching the network', async (_what, input) => {
    const { scope, network } = guardedScope();
    await expect(scope.fetch(input, { method: 'POST', body: 'x' })).rejects.toThrow(TypeError);
    expect(network).not.toHaveBeenCalled();
  });

  it('refuses by rejecting, never by throwing, so the library handles it as a failed send', () => {
    const { scope } = guardedScope();
    let answer: Promise<Response> | null = null;
    expect(() => {
      answer = scope.fetch(TELEMETRY_URL);
    }).not.toThrow();
    return expect(answer).rejects.toThrow(/Blocked a request off this device/);
  });

  it('any URL: reaches the network iff it is on the app origin', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        async (url) => {
          const { scope, network } = guardedScope();
          const allowed = new URL(url).origin === APP_ORIGIN;
          const outcome = await scope.fetch(url).then(
            () => 'sent',
            () => 'refused',
          );
          expect(outcome).toBe(allowed ? 'sent' : 'refused');
          expect(network).toHaveBeenCalledTimes(allowed ? 1 : 0);
        },
      ),
    );
  });

  it('any path on the app origin reaches the network', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webPath(), async (webPath) => {
        const { scope, network } = guardedScope();
        await scope.fetch(`${APP_ORIGIN}${webPath}`);
        expect(network).toHaveBeenCalledTimes(1);
      }),
    );
  });
});
