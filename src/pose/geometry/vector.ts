/** A point or vector in image pixels (x right, y down) or any other 2D frame. */
export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

/** A point or vector in 3D, e.g. a world landmark in metres. */
export interface Vec3 extends Vec2 {
  readonly z: number;
}

/** True when the value is a point with finite x and y; guards every geometry function. */
export function isFiniteVec2(point: Vec2 | null | undefined): point is Vec2 {
  return point != null && Number.isFinite(point.x) && Number.isFinite(point.y);
}

export function isFiniteVec3(point: Vec3 | null | undefined): point is Vec3 {
  return isFiniteVec2(point) && Number.isFinite(point.z);
}

export function sub(a: Vec2, b: Vec2): Vec2 {
  return { x: a.x - b.x, y: a.y - b.y };
}

export function sub3(a: Vec3, b: Vec3): Vec3 {
  return { x: a.x - b.x, y: a.y - b.y, z: a.z - b.z };
}

export function dot(a: Vec2, b: Vec2): number {
  return a.x * b.x + a.y * b.y;
}

export function dot3(a: Vec3, b: Vec3): number {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

/** z of the 2D cross product: positive when b is clockwise from a on screen (y down). */
export function cross(a: Vec2, b: Vec2): number {
  return a.x * b.y - a.y * b.x;
}

export function length(v: Vec2): number {
  return Math.hypot(v.x, v.y);
}

export function length3(v: Vec3): number {
  return Math.hypot(v.x, v.y, v.z);
}

/** Distance between two points; null when either is missing or not finite. */
export function distance(a: Vec2 | null, b: Vec2 | null): number | null {
  if (!isFiniteVec2(a) || !isFiniteVec2(b)) return null;
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  return Number.isFinite(d) ? d : null;
}

/** Midpoint of two points; null when either is missing or not finite. */
export function midpoint(a: Vec2 | null, b: Vec2 | null): Vec2 | null {
  if (!isFiniteVec2(a) || !isFiniteVec2(b)) return null;
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return isFiniteVec2(mid) ? mid : null;
}
