declare const DEGREES_BRAND: unique symbol;

/** An angle in degrees. Branded so radians or plain numbers cannot be passed by mistake. */
export type Degrees = number & { readonly [DEGREES_BRAND]: true };

const DEGREES_PER_RADIAN = 180 / Math.PI;

/** Marks a finite number as degrees; null for NaN or Infinity. */
export function degrees(value: number): Degrees | null {
  return Number.isFinite(value) ? (value as Degrees) : null;
}

/** Converts radians to degrees; null for NaN or Infinity. */
export function radiansToDegrees(radians: number): Degrees | null {
  return degrees(radians * DEGREES_PER_RADIAN);
}
