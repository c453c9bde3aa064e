/**
 * Makes the built app installable and usable offline: emits the web app manifest, the icons
 * (scripts/pwa/icon.ts's SVG, rendered to PNG by sharp) and sw.js, the service worker (src/sw/sw.ts) with the
 * precache plan of this very build written into it. Nothing is fetched: every file is the app's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import type { Plugin, ResolvedConfig } from 'vite';
import type { ModelsManifest } from '../models/build-models';
import { THEME_COLOUR, iconPng, iconSvg } from './icon.ts';
import type { IconPurpose } from './icon.ts';
import { MODELS_MANIFEST_FILE, PAGE_FILE, UP_FRONT_ENGINE, makePrecachePlan } from './precache.ts';
import type { BuiltFile } from './bundle-graph.ts';

export const WEB_MANIFEST_FILE = 'manifest.webmanifest';
export const SERVICE_WORKER_FILE = 'sw.js';
const SERVICE_WORKER_SOURCE = 'src/sw/sw.ts';
/** The identifier src/sw/sw.ts declares and the build replaces with the plan. */
const PLAN_PLACEHOLDER = '__PLUMBLINE_PRECACHE_PLAN__';
/** --bg in src/ui/app.css: the splash screen an installed app shows while it starts. */
const BACKGROUND_COLOUR = '#f4f5f7';

interface IconFile {
  readonly fileName: string;
  readonly purpose: IconPurpose;
  /** Pixels across; null for the SVG. */
  readonly size: number | null;
}

/** 192 and 512 px are the sizes Chromium asks of an installable app; the SVG is the favicon. */
const ICONS: readonly IconFile[] = [
  { fileName: 'icons/icon.svg', purpose: 'any', size: null },
  { fileName: 'icons/icon-192.png', purpose: 'any', size: 192 },
  { fileName: 'icons/icon-512.png', purpose: 'any', size: 512 },
  { fileName: 'icons/icon-maskable-512.png', purpose: 'maskable', size: 512 },
];

async function iconSource(icon: IconFile): Promise<string | Uint8Array> {
  return icon.size === null ? iconSvg(icon.purpose) : iconPng(icon.purpose, icon.size);
}

export function webManifest(): string {
  return `${JSON.stringify(
    {
      name: 'Plumbline form coach',
      short_name: 'Plumbline',
      description:
        'A webcam form coach for home back-strengthening workouts. Everything runs on the device.',
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: BACKGROUND_COLOUR,
      theme_color: THEME_COLOUR,
      icons: ICONS.map((icon) => ({
        src: `/${icon.fileName}`,
        sizes: icon.size === null ? 'any' : `${icon.size}x${icon.size}`,
        type: icon.size === null ? 'image/svg+xml' : 'image/png',
        purpose: icon.purpose,
      })),
    },
    null,
    2,
  )}\n`;
}

/** Compiles the service worker on its own, Workbox included, as one classic script. */
async function compileServiceWorker(config: ResolvedConfig): Promise<string> {
  const output = await build({
    configFile: false,
    root: config.root,
    logLevel: 'warn',
    publicDir: false,
    // Workbox logs in development builds only; a library build leaves process.env to the runtime.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: config.build.target,
      minify: config.build.minify,
      lib: { entry: SERVICE_WORKER_SOURCE, formats: ['iife'], name: 'plumblineServiceWorker' },
      rollupOptions: { output: { entryFileNames: SERVICE_WORKER_FILE } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    for (const file of result.output) if (file.type === 'chunk') return file.code;
  }
  throw new Error(`Building ${SERVICE_WORKER_SOURCE} produced no script.`);
}

function readModelsManifest(publicDir: string): { text: string; files: string[] } {
  const text = readFileSync(path.join(publicDir, MODELS_MANIFEST_FILE), 'utf8');
  const manifest = JSON.parse(text) as ModelsManifest;
  return { text, files: Object.keys(manifest.files) };
}

export function plumblinePwa(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'plumbline-pwa',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (path.basename(context.filename) !== PAGE_FILE) return [];
        return [
          { tag: 'link', attrs: { rel: 'manifest', href: `/${WEB_MANIFEST_FILE}` } },
          { tag: 'link', attrs: { rel: 'icon', type: 'image/svg+xml', href: '/icons/icon.svg' } },
          { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOUR } },
        ];
      },
    },
    configureServer(server) {
      // The dev server has no service worker but serves the manifest and icons the page links.
      server.middlewares.use((request, response, next) => {
        const url = request.url ?? '';
        const icon = ICONS.find((candidate) => url === `/${candidate.fileName}`);
        if (url !== `/${WEB_MANIFEST_FILE}` && !icon) {
          next();
          return;
        }
        response.setHeader(
          'Content-Type',
          icon ? (icon.size === null ? 'image/svg+xml' : 'image/png') : 'application/manifest+json',
        );
        if (!icon) {
          response.end(webManifest());
          return;
        }
        iconSource(icon).then(
          (source) => response.end(source),
          (error: unknown) => {
            next(error);
          },
        );
      });
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        if (!config || !Object.hasOwn(bundle, PAGE_FILE)) return;
        const emitted: BuiltFile[] = [
          { fileName: WEB_MANIFEST_FILE, source: webManifest() },
          ...(await Promise.all(
            ICONS.map(async (icon) => ({
              fileName: icon.fileName,
              source: await iconSource(icon),
            })),
          )),
        ];
        for (const file of emitted) this.emitFile({ type: 'asset', ...file });
        const built: BuiltFile[] = [
          ...Object.values(bundle).map((file) => ({
            fileName: file.fileName,
            source: file.type === 'chunk' ? file.code : file.source,
          })),
          ...emitted,
        ];
        const models = readModelsManifest(config.publicDir);
        const plan = makePrecachePlan(built, models.text, models.files, UP_FRONT_ENGINE);
        const code = await compileServiceWorker(config);
        if (!code.includes(PLAN_PLACEHOLDER)) {
          throw new Error(`${SERVICE_WORKER_SOURCE} no longer reads ${PLAN_PLACEHOLDER}.`);
        }
        this.emitFile({
          type: 'asset',
          fileName: SERVICE_WORKER_FILE,
          source: code.replace(PLAN_PLACEHOLDER, JSON.stringify(plan)),
        });
      },
    },
  };
}
