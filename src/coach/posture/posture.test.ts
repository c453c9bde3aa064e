import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { checkPosture } from '../../pose/posture-check';
import { addSnapshot, listSnapshots, openPlumblineDb } from '../../storage';
import { makeSnapshot } from '../../storage/testing';
import {
  checkHeadline,
  formatChange,
  formatMeasure,
  readingText,
} from '../../content/posture-check';
import { compareSnapshots } from './compare';
import { COUNTDOWN_CHOICES_S, msToNextTick, secondsLeft } from './countdown';
import { snapshotOf, thumbnailSize, THUMBNAIL_MAX_SIDE_PX } from './snapshot';

const SIDE_PHOTO = 'standing_posture/standing_posture_forwardhead_side_01.jpg';
const FRONT_PHOTO = 'standing_posture/standing_posture_neutral_front_02.jpg';

function checkOf(file: string) {
  const frame = loadRecording(file).frames[0];
  if (!frame) throw new Error(`${file} has no frame`);
  return checkPosture(frame, 'beginner');
}

describe('countdown', () => {
  it('shows 5, 4, 3, 2, 1 and then 0 (take the frame)', () => {
    const shown = [0, 999, 1000, 2500, 4000, 4999, 5000, 7000].map((t) => secondsLeft(0, t, 5));
    expect(shown).toEqual([5, 5, 4, 3, 1, 1, 0, 0]);
  });

  it('waits until the shown number changes', () => {
    expect(msToNextTick(0, 0, 3)).toBe(1000);
    expect(msToNextTick(0, 2400, 3)).toBe(600);
    expect(msToNextTick(0, 3200, 3)).toBe(0);
  });

  it('never shows more than it was set to, nor NaN', () => {
    expect(secondsLeft(1000, 0, 3)).toBe(3);
    expect(secondsLeft(Number.NaN, 0, 3)).toBe(0);
    expect(COUNTDOWN_CHOICES_S).toEqual([3, 5, 10]);
  });
});

describe('comparing two snapshots', () => {
  const older = makeSnapshot({
    id: 'a',
    takenAt: '2025-03-01T08:00:00.000Z',
    metrics: { forwardHeadLeanDeg: 40, hipForwardOfAnklePctHeight: 3, shoulderTiltDeg: 2 },
  });
  const newer = makeSnapshot({
    id: 'b',
    takenAt: '2025-03-08T08:00:00.000Z',
    metrics: { forwardHeadLeanDeg: 28, hipForwardOfAnklePctHeight: 6, kneeBendDeg: -3 },
  });

  it('orders them in time, whatever order they were picked in', () => {
    expect(compareSnapshots(newer, older).earlier.id).toBe('a');
    expect(compareSnapshots(older, newer).later.id).toBe('b');
  });

  it('a head 12° more upright is better; hips 3% further off the line is worse', () => {
    const { rows } = compareSnapshots(newer, older);
    expect(rows.find((row) => row.measure === 'forwardHeadLeanDeg')).toEqual({
      measure: 'forwardHeadLeanDeg',
      before: 40,
      after: 28,
      change: -12,
      verdict: 'better',
    });
    expect(rows.find((row) => row.measure === 'hipForwardOfAnklePctHeight')?.verdict).toBe('worse');
  });

  it('a change within the measurement error is about the same', () => {
    const a = makeSnapshot({ takenAt: '2025-03-01T08:00:00.000Z', metrics: { kneeBendDeg: 2 } });
    const b = makeSnapshot({ takenAt: '2025-03-02T08:00:00.000Z', metrics: { kneeBendDeg: -9 } });
    expect(compareSnapshots(a, b).rows).toEqual([
      { measure: 'kneeBendDeg', before: 2, after: -9, change: -11, verdict: 'worse' },
    ]);
    const c = makeSnapshot({ takenAt: '2025-03-03T08:00:00.000Z', metrics: { kneeBendDeg: 5 } });
    expect(compareSnapshots(a, c).rows[0]?.verdict).toBe('same');
  });

  it('a number taken in only one of them is listed, not judged; unknown metric names are ignored', () => {
    const { rows } = compareSnapshots(older, newer);
    expect(rows.find((row) => row.measure === 'shoulderTiltDeg')).toMatchObject({
      before: 2,
      after: null,
      change: null,
      verdict: 'not-comparable',
    });
    const legacy = makeSnapshot({ metrics: { forwardHeadDeg: 10 } });
    expect(compareSnapshots(legacy, legacy).rows).toEqual([]);
  });
});

describe('the snapshot a check stores', () => {
  it('keeps a small thumbnail size', () => {
    expect(thumbnailSize({ width: 1200, height: 879 })).toEqual({
      width: THUMBNAIL_MAX_SIDE_PX,
      height: 117,
    });
    expect(thumbnailSize({ width: 100, height: 50 })).toEqual({ width: 100, height: 50 });
  });

  it('nothing is stored for a photo with nobody in it', () => {
    expect(
      snapshotOf(
        checkPosture({ imageSize: { width: 640, height: 480 }, poses: [] }, 'beginner'),
        'photo',
        null,
      ),
    ).toBeNull();
  });

  it('the real side and front photos store named numbers that survive the store and read back', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openPlumblineDb();
    try {
      const side = snapshotOf(checkOf(SIDE_PHOTO), 'camera', null);
      const front = snapshotOf(checkOf(FRONT_PHOTO), 'photo', null);
      expect(side).toMatchObject({ view: 'side', faults: ['posture.forward-head'] });
      expect(Object.keys(side?.metrics ?? {})).toEqual(['forwardHeadLeanDeg']);
      expect(front?.view).toBe('front');
      expect(Object.keys(front?.metrics ?? {})).toEqual([
        'shoulderTiltDeg',
        'hipTiltDeg',
        'headTiltDeg',
        'weightShiftPctTorso',
      ]);
      if (!side || !front) throw new Error('nothing to store');
      await addSnapshot(db, { ...side, takenAt: '2025-03-01T08:00:00.000Z' });
      await addSnapshot(db, { ...front, takenAt: '2025-03-02T08:00:00.000Z' });
      const stored = (await listSnapshots(db)).records;
      expect(stored.map((s) => s.metrics)).toEqual([side.metrics, front.metrics]);
    } finally {
      db.close();
    }
  });
});

describe('posture wording', () => {
  it('signs a change and gives each unit', () => {
    expect(formatChange('forwardHeadLeanDeg', -12)).toBe('−12°');
    expect(formatChange('weightShiftPctTorso', 2.44)).toBe('+2.4 %');
    expect(formatMeasure('kneeBendDeg', -3.04)).toBe('−3.0°');
  });

  it('says what it cannot see, or which view a number needs, instead of a number', () => {
    expect(readingText('kneeBendDeg', { kind: 'unseen', parts: ['knees', 'ankles'] })).toBe(
      'Can’t see your knees and ankles',
    );
    expect(readingText('hipTiltDeg', { kind: 'other-view', needs: 'front' })).toBe(
      'Needs a front view',
    );
  });

  it('a real side photo is judged in words, and a three-quarter view asks to turn', () => {
    expect(checkHeadline(checkOf(SIDE_PHOTO))).toBe('Judged from the side view: Head forward.');
    expect(checkHeadline({ status: 'wrong-view', advice: 'setup.turn-sideways' })).toBe(
      'Turn sideways to the camera. Stand upright, side-on to the camera or facing it. Nothing was saved.',
    );
    expect(checkHeadline({ status: 'several-people', people: 2 })).toContain('2 people');
  });
});
