import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation lets TF.js's wasm backend use threads (models.md: without it, it silently
 * runs single-threaded). Every asset is served from the app's own origin, so nothing breaks.
 */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { headers: CROSS_ORIGIN_ISOLATION },
  preview: { headers: CROSS_ORIGIN_ISOLATION },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { app: 'index.html', harness: 'harness.html' },
    },
  },
});
