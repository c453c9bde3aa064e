import { describe, expect, it } from 'vitest';
import { cacheNames, routeFor, staleCaches } from './plan';
import type { PrecachePlan } from './plan';

const ORIGIN = 'http://127.0.0.1:4173';
const PLAN: PrecachePlan = {
  shellVersion: 'shell1',
  shell: ['/', '/assets/app-abc.js', '/manifest.webmanifest'],
  modelsVersion: 'models1',
  modelsUpFront: ['/models/pose_landmarker_full.task'],
  modelsOnFirstUse: ['/models/pose_landmarker_heavy.task'],
};

function route(path: string, navigation = false) {
  return routeFor(PLAN, new URL(path, ORIGIN), ORIGIN, navigation);
}

describe('where the service worker answers a request from', () => {
  it('opens the page from the server, else the stored copy; other pages are left alone', () => {
    expect(route('/', true)).toEqual({
      cache: 'shell',
      key: '/',
      storeOnFetch: false,
      networkFirst: true,
    });
    expect(route('/index.html?from=install', true)?.key).toBe('/');
    expect(route('/harness.html', true)).toBeNull();
  });

  it('answers built files from the shell cache and models from the models cache', () => {
    expect(route('/assets/app-abc.js')).toEqual({
      cache: 'shell',
      key: '/assets/app-abc.js',
      storeOnFetch: false,
      networkFirst: false,
    });
    expect(route('/models/pose_landmarker_full.task')?.cache).toBe('models');
  });

  it('stores a model the first time it loads', () => {
    expect(route('/models/pose_landmarker_heavy.task')).toEqual({
      cache: 'models',
      key: '/models/pose_landmarker_heavy.task',
      storeOnFetch: true,
      networkFirst: false,
    });
  });

  it('leaves unknown files and other origins alone', () => {
    expect(route('/assets/app-old.js')).toBeNull();
    expect(route('/models/manifest.json')).toBeNull();
    expect(routeFor(PLAN, new URL('https://example.org/'), ORIGIN, true)).toBeNull();
  });
});

describe('old caches', () => {
  it("are this app's caches of other versions; other apps' caches are kept", () => {
    const names = cacheNames(PLAN);
    expect(
      staleCaches(PLAN, [
        names.shell,
        names.models,
        'plumbline-shell-old',
        'plumbline-models-old',
        'someone-else',
      ]),
    ).toEqual(['plumbline-shell-old', 'plumbline-models-old']);
  });
});
