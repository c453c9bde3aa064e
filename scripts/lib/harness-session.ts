import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { preview } from 'vite';
import type { PreviewServer } from 'vite';
import { launchChromium } from '../browser/chromium';
import type {
  BenchOptions,
  BenchSample,
  RecordOptions,
  Recording,
} from '../../src/harness/harness';
import type { EngineModel } from '../../src/pose/pose';
import type { EngineRequest } from '../../src/workers/detectors/types';

/** URL prefix under which the harness page reads local files; only the test tooling serves it. */
export const LOCAL_FILE_PREFIX = '/__local/';

export interface HarnessSession {
  readonly page: Page;
  /** The URL the page can fetch a local file from. */
  localUrl(filePath: string): string;
  record(url: string, engine: EngineModel, options: RecordOptions): Promise<Recording>;
  bench(url: string, engine: EngineRequest, options: BenchOptions): Promise<BenchSample>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

/**
 * Routes `/__local/<absolute path>` to the file on disk. Files stay where they are: the test photos
 * and clips are never copied into the app or its build.
 */
export async function serveLocalFiles(page: Page): Promise<void> {
  await page.route(`**${LOCAL_FILE_PREFIX}**`, async (route) => {
    const url = new URL(route.request().url());
    const filePath = decodeURIComponent(url.pathname.slice(LOCAL_FILE_PREFIX.length - 1));
    try {
      const body = await readFile(filePath);
      const contentType =
        CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
      await route.fulfill({ status: 200, body, contentType });
    } catch {
      await route.fulfill({ status: 404, body: `not found: ${filePath}` });
    }
  });
}

export function localUrl(filePath: string): string {
  const absolute = path.resolve(filePath);
  return `${LOCAL_FILE_PREFIX.slice(0, -1)}${absolute.split('/').map(encodeURIComponent).join('/')}`;
}

/** Serves the built app (run `vite build` first) on a free port of this machine. */
export async function startPreview(): Promise<{ server: PreviewServer; address: string }> {
  const server: PreviewServer = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) {
    await server.close();
    throw new Error('The preview server did not report its address.');
  }
  return { server, address };
}

/** Serves the built app (run `vite build` first), opens the harness page in Chromium. */
export async function openHarness(): Promise<HarnessSession> {
  const { server, address } = await startPreview();
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[page] ${message.text()}`);
    });
    await serveLocalFiles(page);
    await page.goto(new URL('harness.html', address).href);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const openBrowser = browser;
    return {
      page,
      localUrl,
      record: (url, engine, options) =>
        page.evaluate(
          ([fileUrl, config, recordOptions]) => {
            if (!window.plumbline) throw new Error('The harness page has not loaded.');
            return window.plumbline.record(fileUrl, config, recordOptions);
          },
          [url, engine, options] as const,
        ),
      bench: (url, engine, options) =>
        page.evaluate(
          ([fileUrl, config, benchOptions]) => {
            if (!window.plumbline) throw new Error('The harness page has not loaded.');
            return window.plumbline.bench(fileUrl, config, benchOptions);
          },
          [url, engine, options] as const,
        ),
      close: async () => {
        await openBrowser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
