import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LandmarkName } from './landmarks';
import type { ImageSize, Pose } from './pose';
import { nearSide } from './side';
import { makePose } from './testing/make-pose';
import { estimateView } from './view';

/**
 * Shoulders, hips, ears and nose recorded from the test-data stills (docs/testing.md) with
 * BlazePose full and MoveNet thunder: derived numbers only, no images. `labelledView` is where the
 * camera was, from labels.csv.
 */
interface RecordedStill {
  readonly file: string;
  readonly labelledView: string;
  readonly engine: string;
  readonly imageSize: ImageSize;
  readonly landmarks: Partial<
    Record<LandmarkName, readonly [number, number, number | null, number]>
  >;
  readonly world: Partial<Record<LandmarkName, readonly [number, number, number]>> | null;
}

const STILLS = JSON.parse(
  readFileSync(new URL('./testing/fixtures/stills-torso.json', import.meta.url), 'utf8'),
) as readonly RecordedStill[];

function toPose(still: RecordedStill): Pose {
  const spec = Object.fromEntries(
    Object.entries(still.landmarks).map(([name, [x, y, z, visibility]]) => [
      name,
      { x, y, z: z ?? undefined, visibility },
    ]),
  );
  return makePose(spec, still.world ? { world: still.world } : {});
}

describe('on real stills', () => {
  it('calls every side-view still a side view, or unknown when the hips are out of frame', () => {
    const sideStills = STILLS.filter((still) => still.labelledView === 'side');
    expect(sideStills.length).toBeGreaterThan(40);
    const notSide = sideStills
      .map((still) => ({ still, view: estimateView(toPose(still), still.imageSize).view }))
      .filter(({ view }) => view !== 'side')
      .map(({ still, view }) => `${still.engine} ${still.file}: ${view}`);
    // Upper body only: without hips there is no image scale, and MoveNet has no world depth.
    expect(notSide).toEqual([
      'movenet-thunder standing_posture/standing_posture_forwardhead_side_01.jpg: unknown',
    ]);
  });

  it('calls every front-view still a front view, with either engine', () => {
    const frontStills = STILLS.filter((still) => still.labelledView === 'front');
    expect(frontStills.length).toBeGreaterThan(10);
    const wrong = frontStills
      .map((still) => ({ still, view: estimateView(toPose(still), still.imageSize).view }))
      .filter(({ view }) => view !== 'front')
      .map(({ still, view }) => `${still.engine} ${still.file}: ${view}`);
    expect(wrong).toEqual([]);
  });

  it('finds the near side from BlazePose depth in every side view', () => {
    const blazeposeSide = STILLS.filter(
      (still) => still.labelledView === 'side' && still.world !== null,
    );
    for (const still of blazeposeSide) {
      expect(nearSide(toPose(still), { imageSize: still.imageSize })?.evidence).toBe('depth');
    }
  });
});
