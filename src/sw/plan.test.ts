import { describe, expect, it } from 'vitest';
import {
  isAppPage,
  isStoredOnFirstUse,
  modelsCacheName,
  precacheEntries,
  staleCaches,
} from './plan';
import type { PrecachePlan } from './plan';

const ORIGIN = 'http://127.0.0.1:4173';
const PLAN: PrecachePlan = {
  shell: [
    { url: '/', revision: 'page1' },
    { url: '/assets/app-abc.js', revision: 'app1' },
    { url: '/manifest.webmanifest', revision: 'manifest1' },
  ],
  modelsVersion: 'models1',
  modelsUpFront: ['/models/pose_landmarker_full.task'],
  modelsOnFirstUse: ['/models/pose_landmarker_heavy.task'],
  enginesOnFirstUse: ['/assets/movenet-xyz.js'],
};

const at = (path: string) => new URL(path, ORIGIN);

describe('where the service worker answers a request from', () => {
  it('opens the app page (from the server first); other pages are left alone', () => {
    expect(isAppPage(at('/'), ORIGIN, true)).toBe(true);
    expect(isAppPage(at('/index.html?from=install'), ORIGIN, true)).toBe(true);
    expect(isAppPage(at('/harness.html'), ORIGIN, true)).toBe(false);
    expect(isAppPage(new URL('https://example.org/'), ORIGIN, true)).toBe(false);
    // A script fetched as '/' is not a visit to the page.
    expect(isAppPage(at('/'), ORIGIN, false)).toBe(false);
  });

  it('stores the shell and the default engine at install, the models at their version', () => {
    expect(precacheEntries(PLAN)).toEqual([
      ...PLAN.shell,
      { url: '/models/pose_landmarker_full.task', revision: 'models1' },
    ]);
  });

  it('stores another engine and model the first time they load; nothing else, no other origin', () => {
    expect(isStoredOnFirstUse(PLAN, at('/models/pose_landmarker_heavy.task'), ORIGIN)).toBe(true);
    expect(isStoredOnFirstUse(PLAN, at('/assets/movenet-xyz.js'), ORIGIN)).toBe(true);
    expect(isStoredOnFirstUse(PLAN, at('/assets/movenet-old.js'), ORIGIN)).toBe(false);
    expect(isStoredOnFirstUse(PLAN, at('/models/manifest.json'), ORIGIN)).toBe(false);
    expect(
      isStoredOnFirstUse(
        PLAN,
        new URL('https://example.org/models/pose_landmarker_heavy.task'),
        ORIGIN,
      ),
    ).toBe(false);
  });
});

describe('old caches', () => {
  it("are this app's caches of other versions and of the worker before Workbox; others are kept", () => {
    expect(
      staleCaches(PLAN, [
        'plumbline-shell-workbox',
        modelsCacheName(PLAN),
        'plumbline-shell-0123456789abcdef',
        'plumbline-models-old',
        'someone-else',
      ]),
    ).toEqual(['plumbline-shell-0123456789abcdef', 'plumbline-models-old']);
  });
});
