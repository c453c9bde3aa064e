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

export interface SubjectChoice {
  /** The person to coach this frame, or null when nobody is in view. */
  readonly subject: Pose | null;
  /** Distinct people in view (duplicates of one person merged). */
  readonly peopleInView: number;
}

interface Box {
  readonly centreX: number;
  readonly centreY: number;
  readonly size: number;
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

/**
 * Picks the person to coach: the one nearest the previous subject, so a second person walking in
 * does not take over the set; with no previous subject, the largest in view.
 */
export function selectSubject(poses: readonly Pose[], previous: Pose | null): SubjectChoice {
  const people = distinctPeople(poses);
  const previousBox = previous ? box(previous) : null;
  let subject: Pose | null = null;
  let best = Number.POSITIVE_INFINITY;
  for (const pose of people) {
    const current = box(pose);
    if (!current) continue;
    const cost = previousBox
      ? Math.hypot(current.centreX - previousBox.centreX, current.centreY - previousBox.centreY)
      : -current.size;
    // The first person always counts, so someone is coached whenever people are in view.
    if (subject === null || cost < best) {
      best = cost;
      subject = pose;
    }
  }
  return { subject, peopleInView: people.length };
}
