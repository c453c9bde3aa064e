import { LANDMARK_COUNT } from './landmarks';
import type { ImageLandmark, Pose } from './pose';

/**
 * MediaPipe in VIDEO mode sometimes returns the same person twice (seen on the rendered bridge
 * clip): two poses whose landmarks nearly coincide. Poses whose matching landmarks lie closer
 * than this share of the body's size (median over landmarks) are one person.
 */
const SAME_PERSON_MEDIAN_DISTANCE_OF_BODY = 0.15;
/** Landmarks below this visibility do not vote on identity or position. */
const MIN_VISIBILITY_FOR_IDENTITY = 0.3;
/**
 * How far the person followed may be found from where they were last seen, in box sizes (the
 * larger box's longer side). Over every recorded clip 9 of 8,181 steps from one sighting to the
 * next went farther: a farmer's carry walking across the picture while unseen for up to a second
 * (5, up to 1.55), a coaching clip's cuts (3) and a handheld camera (1); their frames wait out
 * `SUBJECT_REACQUIRE_MS` unjudged.
 */
export const SUBJECT_MAX_STEP_BOXES = 0.5;
/**
 * For this long after the person followed was last seen, nobody farther than
 * `SUBJECT_MAX_STEP_BOXES` takes over: a frame that misses them while someone else stands in view
 * does not hand the set to that person (it did for good: the one nearest the last seen box was
 * followed from then on). Past it, the nearest person in view is followed again (the person
 * walked, or the clip cut to another camera).
 */
export const SUBJECT_REACQUIRE_MS = 500;

export interface SubjectChoice {
  /**
   * The person to coach this frame; null when nobody is in view, or when the person followed was
   * missed and only someone else is (`SUBJECT_REACQUIRE_MS`, `FollowedSubject.others`).
   */
  readonly subject: Pose | null;
  /** Distinct people in view (duplicates of one person merged). */
  readonly peopleInView: number;
  /**
   * The people in view known not to be the one coached, to pass back next frame: everyone else
   * when someone is coached; while nobody is, those still standing where someone else was.
   */
  readonly others: readonly Pose[];
}

interface Box {
  readonly centreX: number;
  readonly centreY: number;
  /** The longer side. */
  readonly size: number;
  readonly area: number;
}

function trusted(point: ImageLandmark | null | undefined): point is ImageLandmark {
  return (
    point !== null &&
    point !== undefined &&
    Number.isFinite(point.x) &&
    Number.isFinite(point.y) &&
    point.visibility >= MIN_VISIBILITY_FOR_IDENTITY
  );
}

function box(pose: Pose): Box | null {
  const points = pose.landmarks.filter(trusted);
  if (points.length === 0) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  // Halves first: (min + max) / 2 overflows for coordinates near the largest double.
  return {
    centreX: minX / 2 + maxX / 2,
    centreY: minY / 2 + maxY / 2,
    size: Math.max(maxX - minX, maxY - minY, 1),
    area: Math.max(maxX - minX, 1) * Math.max(maxY - minY, 1),
  };
}

function medianLandmarkDistance(a: Pose, b: Pose): number | null {
  const distances: number[] = [];
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const p = a.landmarks[i];
    const q = b.landmarks[i];
    if (trusted(p) && trusted(q)) distances.push(Math.hypot(p.x - q.x, p.y - q.y));
  }
  if (distances.length === 0) return null;
  distances.sort((x, y) => x - y);
  return distances[Math.floor(distances.length / 2)] ?? null;
}

function samePerson(a: Pose, b: Pose): boolean {
  const size = box(a)?.size;
  const distance = medianLandmarkDistance(a, b);
  return (
    size !== undefined && distance !== null && distance < SAME_PERSON_MEDIAN_DISTANCE_OF_BODY * size
  );
}

/** The poses with duplicates of one person merged, the higher-scoring copy kept. */
export function distinctPeople(poses: readonly Pose[]): Pose[] {
  const byScore = poses.filter((pose) => box(pose) !== null).sort((a, b) => b.score - a.score);
  const kept: Pose[] = [];
  for (const pose of byScore) {
    if (!kept.some((other) => samePerson(other, pose))) kept.push(pose);
  }
  return kept;
}

/** The person followed and how long ago they were last seen, in ms. */
export interface FollowedSubject {
  readonly pose: Pose;
  readonly unseenForMs: number;
  /**
   * The others in view last frame (`SubjectChoice.others`): someone found where one of them was,
   * nearer to it than to where the person followed was, is that other person, not the one
   * followed come back (a bystander on the sofa while the person carrying walks out of view).
   */
  readonly others: readonly Pose[];
}

/**
 * Picks the person to coach: the one nearest the person followed, so a second person walking in
 * does not take over the set; while that person was seen less than `SUBJECT_REACQUIRE_MS` ago, only
 * someone within `SUBJECT_MAX_STEP_BOXES` of them, else nobody this frame; past it, nobody standing
 * where one of the others seen beside them stands (`FollowedSubject.others`). With nobody followed,
 * the largest in view by the area of their box: the person nearest the camera, where a box's
 * longer side would pick a standing bystander over the same-sized person bent over a bar or on all
 * fours (the bystander is tall and thin, they spread wide).
 */
export function selectSubject(
  poses: readonly Pose[],
  followed: FollowedSubject | null,
): SubjectChoice {
  const people = distinctPeople(poses);
  const previousBox = followed ? box(followed.pose) : null;
  const recent = followed !== null && followed.unseenForMs < SUBJECT_REACQUIRE_MS;
  const otherBoxes = (followed?.others ?? []).flatMap((other) => box(other) ?? []);
  const nearAnOther = (current: Box): boolean =>
    previousBox !== null &&
    otherBoxes.some((other) => {
      const fromOther = boxDistance(current, other);
      return (
        fromOther <= SUBJECT_MAX_STEP_BOXES * Math.max(other.size, current.size) &&
        fromOther < boxDistance(current, previousBox)
      );
    });
  // Past the moment, the one followed may come back anywhere: not where someone else stands.
  const isKnownOther = (current: Box): boolean => !recent && nearAnOther(current);
  let subject: Pose | null = null;
  let best = Number.POSITIVE_INFINITY;
  for (const pose of people) {
    const current = box(pose);
    if (!current || isKnownOther(current)) continue;
    const step = previousBox ? boxDistance(current, previousBox) : null;
    if (
      recent &&
      previousBox &&
      step !== null &&
      step > SUBJECT_MAX_STEP_BOXES * Math.max(previousBox.size, current.size)
    ) {
      continue;
    }
    const cost = step ?? -current.area;
    // The first one left always counts, so someone is coached whenever anyone may be.
    if (subject === null || cost < best) {
      best = cost;
      subject = pose;
    }
  }
  const others = people.filter((pose) => {
    if (pose === subject) return false;
    const current = box(pose);
    return subject !== null || (current !== null && nearAnOther(current));
  });
  return { subject, peopleInView: people.length, others };
}

/** How far apart two boxes' centres are, in pixels. */
function boxDistance(a: Box, b: Box): number {
  return Math.hypot(a.centreX - b.centreX, a.centreY - b.centreY);
}
