import path from 'node:path';
import { expect, test } from '@playwright/test';
import { LANDMARK_INDEX } from '../../src/pose/landmarks';
import type { LandmarkName } from '../../src/pose/landmarks';
import type { EngineModel, ImageLandmark, Pose, PoseFrame } from '../../src/pose/pose';
import { isClip, readLabels } from '../../scripts/lib/labels';
import type { LabelRow } from '../../scripts/lib/labels';
import { estimatePhoto, openHarnessPage } from './support/harness-page';
import { testDataDir } from '../support/testdata';

const ENGINES: readonly EngineModel[] = [
  { engine: 'mediapipe', model: 'full' },
  { engine: 'movenet', model: 'lightning' },
];

/** Photos labelled with only part of the body in view are not held to whole-body checks. */
function showsWholeBody(row: LabelRow): boolean {
  return !/upper body only/i.test(row.note);
}

/** A real pose spreads over a good part of the photo; garbage collapses into a blob. */
const MIN_BODY_SPAN_OF_IMAGE = 0.25;
/** Side-view plank: hip within this share of the shoulder-ankle length from their line. */
const MAX_PLANK_HIP_OFF_LINE = 0.3;
/** Hip, shoulder and ankle midpoints may sit this share outside the image edge. */
const EDGE_MARGIN = 0.05;

type Point = { readonly x: number; readonly y: number };

function point(pose: Pose, name: LandmarkName): ImageLandmark {
  const found = pose.landmarks[LANDMARK_INDEX[name]];
  if (!found) throw new Error(`${name} is absent`);
  return found;
}

function midpoint(pose: Pose, left: LandmarkName, right: LandmarkName): Point {
  const a = point(pose, left);
  const b = point(pose, right);
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Distance of `p` from the line through `a` and `b`, as a share of |ab|. */
function offLineShare(p: Point, a: Point, b: Point): number {
  const length = distance(a, b);
  return Math.abs((p.x - a.x) * (b.y - a.y) - (p.y - a.y) * (b.x - a.x)) / (length * length);
}

function bodySpanOfImage(pose: Pose, frame: PoseFrame): number {
  const present = pose.landmarks.filter((p): p is ImageLandmark => p !== null);
  const xs = present.map((p) => p.x);
  const ys = present.map((p) => p.y);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  return span / Math.max(frame.imageSize.width, frame.imageSize.height);
}

function inside(p: Point, frame: PoseFrame): boolean {
  const { width, height } = frame.imageSize;
  return (
    p.x > -EDGE_MARGIN * width &&
    p.x < (1 + EDGE_MARGIN) * width &&
    p.y > -EDGE_MARGIN * height &&
    p.y < (1 + EDGE_MARGIN) * height
  );
}

/** Even-odd rule: true when `p` is inside the closed polygon x0, y0, x1, y1, ... */
function insidePolygon(p: Point, xy: readonly number[]): boolean {
  let inside = false;
  const count = xy.length / 2;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    const ax = xy[2 * i] ?? 0;
    const ay = xy[2 * i + 1] ?? 0;
    const bx = xy[2 * j] ?? 0;
    const by = xy[2 * j + 1] ?? 0;
    if (ay > p.y !== by > p.y && p.x < ((bx - ax) * (p.y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/** The silhouette's outline should hug the body: a plank's is far smaller than the photo. */
const MAX_OUTLINE_AREA_OF_IMAGE = 0.5;
/** A real person's mask is crisp: the recorded side-view planks measured 0.86-0.93. */
const MIN_OUTLINE_QUALITY = 0.7;

function polygonArea(xy: readonly number[]): number {
  let twice = 0;
  const count = xy.length / 2;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    twice += (xy[2 * j] ?? 0) * (xy[2 * i + 1] ?? 0) - (xy[2 * i] ?? 0) * (xy[2 * j + 1] ?? 0);
  }
  return Math.abs(twice) / 2;
}

for (const engine of ENGINES) {
  test.describe(`${engine.engine} ${engine.model} on real photos`, () => {
    test('finds one plausible person in every whole-body photo', async ({ page }) => {
      const dataDir = testDataDir();
      test.skip(!dataDir, 'no test data');
      if (!dataDir) return;
      const photos = readLabels(dataDir).filter((row) => !isClip(row.file) && showsWholeBody(row));
      expect(photos.length).toBeGreaterThan(20);
      await openHarnessPage(page);
      for (const row of photos) {
        const frame = await estimatePhoto(page, path.join(dataDir, row.file), engine);
        const label = `${row.file} (${engine.engine})`;
        expect(frame.poses, `${label}: people found`).toHaveLength(1);
        const pose = frame.poses[0];
        if (!pose) continue;
        expect.soft(frame.inferenceMs, `${label}: inference time`).toBeGreaterThan(0);
        expect
          .soft(bodySpanOfImage(pose, frame), `${label}: body span`)
          .toBeGreaterThan(MIN_BODY_SPAN_OF_IMAGE);
        const shoulders = midpoint(pose, 'left_shoulder', 'right_shoulder');
        const hips = midpoint(pose, 'left_hip', 'right_hip');
        const ankles = midpoint(pose, 'left_ankle', 'right_ankle');
        const nose = point(pose, 'nose');
        for (const [name, p] of [
          ['shoulders', shoulders],
          ['hips', hips],
          ['ankles', ankles],
        ] as const) {
          expect.soft(inside(p, frame), `${label}: ${name} inside the photo`).toBe(true);
        }
        if (row.exercise === 'plank' && row.view === 'side') {
          expect
            .soft(
              offLineShare(hips, shoulders, ankles),
              `${label}: hip near the shoulder-ankle line`,
            )
            .toBeLessThan(MAX_PLANK_HIP_OFF_LINE);
          expect
            .soft(distance(nose, shoulders), `${label}: head at the shoulder end`)
            .toBeLessThan(distance(nose, ankles));
        }
        if (row.exercise === 'standing_posture' && row.view === 'front') {
          for (const side of ['left', 'right'] as const) {
            const y = (joint: string): number => point(pose, `${side}_${joint}` as LandmarkName).y;
            expect
              .soft(
                y('shoulder') < y('hip') && y('hip') < y('knee') && y('knee') < y('ankle'),
                `${label}: ${side} shoulder above hip above knee above ankle`,
              )
              .toBe(true);
          }
          // Facing the camera, the person's left is on the image's right.
          expect
            .soft(point(pose, 'left_shoulder').x, `${label}: left shoulder on the image right`)
            .toBeGreaterThan(point(pose, 'right_shoulder').x);
          expect
            .soft(point(pose, 'left_hip').x, `${label}: left hip on the image right`)
            .toBeGreaterThan(point(pose, 'right_hip').x);
        }
      }
    });

    test('traces the silhouette only when asked, and only with a mask', async ({ page }) => {
      const dataDir = testDataDir();
      test.skip(!dataDir, 'no test data');
      if (!dataDir) return;
      await openHarnessPage(page);
      const file = path.join(dataDir, 'plank/plank_good_forearm_01.jpg');
      const plain = await estimatePhoto(page, file, engine);
      expect(plain.poses[0]?.outline).toBeUndefined();
      const frame = await estimatePhoto(page, file, engine, true);
      const pose = frame.poses[0];
      if (!pose) throw new Error('no pose');
      if (engine.engine === 'movenet') {
        expect(pose.outline, 'MoveNet has no mask').toBeUndefined();
        return;
      }
      const outline = pose.outline;
      if (!outline) throw new Error('no outline');
      expect(outline.quality).toBeGreaterThan(MIN_OUTLINE_QUALITY);
      for (const name of ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'] as const) {
        expect(insidePolygon(point(pose, name), outline.xy), `${name} inside the outline`).toBe(
          true,
        );
      }
      const { width, height } = frame.imageSize;
      expect(polygonArea(outline.xy)).toBeLessThan(MAX_OUTLINE_AREA_OF_IMAGE * width * height);
      // Landmarks do not change when the mask is on.
      expect(pose.landmarks).toEqual(plain.poses[0]?.landmarks);
    });

    test('finds nobody in an empty picture', async ({ page }) => {
      await openHarnessPage(page);
      const poses = await page.evaluate(async (config) => {
        if (!window.plumbline) throw new Error('The harness page has not loaded.');
        const canvas = new OffscreenCanvas(640, 480);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d context');
        context.fillStyle = '#d8d2c4';
        context.fillRect(0, 0, 640, 480);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const url = URL.createObjectURL(blob);
        const recording = await window.plumbline.record(`${url}#empty.png`, config);
        return recording.frames[0]?.poses.length ?? -1;
      }, engine);
      expect(poses).toBe(0);
    });
  });
}
