import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { plumblinePwa } from './scripts/pwa/plugin.ts';

/**
 * Cross-origin isolation lets TF.js's wasm backend use threads (docs/models.md: without it, it silently
 * runs single-threaded). Every asset is served from the app's own origin, so nothing breaks.
 */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The built app's Content Security Policy (README.md, "Security headers", says why each allowance
 * is there). Everything comes from the app's own origin; nothing may be sent anywhere else, which
 * also stops tasks-vision's usage logging (docs/models.md) should the worker's fetch guard ever fail.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // The wasm runtimes compile WebAssembly; nothing evaluates JavaScript from strings.
  "script-src 'self' 'wasm-unsafe-eval'",
  // The pose worker is a module script of the app's own.
  "worker-src 'self'",
  // Models and wasm binaries; blob: for frames the page made itself (the harness reads them).
  "connect-src 'self' blob:",
  // Clips the user picks play in a <video> from a blob: URL; the camera is a srcObject.
  "media-src 'self' blob:",
  // The favicon, and posture-snapshot thumbnails: data: URLs the app made from its own canvas and
  // stores; the store accepts only JPEG, PNG or WebP data URLs (src/storage/schema.ts).
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Vite's dev server injects CSS as <style> elements and React Fast Refresh's preamble as an inline
 * script, and talks to the page over a WebSocket for hot reload: the dev policy allows those three
 * and is otherwise the same. It never ships.
 */
const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
)
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws: wss:");

export default defineConfig({
  plugins: [react(), plumblinePwa()],
  worker: { format: 'es' },
  server: {
    headers: { ...CROSS_ORIGIN_ISOLATION, 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY },
  },
  preview: {
    headers: { ...CROSS_ORIGIN_ISOLATION, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  build: {
    target: 'es2022',
    rollupOptions: {
      // The harness and the main-thread page serve the scripts only; scripts/pwa keeps them and
      // the chunks only they load out of the service worker's precache.
      input: {
        app: 'index.html',
        harness: 'harness.html',
        benchMainThread: 'bench-main-thread.html',
      },
    },
  },
});
