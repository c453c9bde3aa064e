/**
 * Hand-written validators for anything read back from IndexedDB or from an imported file. Both are
 * untrusted: a record may have been written by an older build or damaged, and a file may have been
 * edited by hand or crafted. Each reader takes `unknown`, checks it completely and returns a fresh
 * value of the right type built from checked parts only, or throws `ValidationFailure` naming the
 * path of the first bad field.
 */

/** Keys that, set with `obj[key] = ...`, change an object's prototype or shadow its constructor. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'prototype',
  'constructor',
]);

export class ValidationFailure extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ValidationFailure';
  }
}

/** `{ ok: true, value }` or the reason it failed, for callers that skip rather than throw. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly path: string; readonly reason: string };

export type Reader<T> = (input: unknown, path: string) => T;

export function check<T>(reader: Reader<T>, input: unknown, path: string): Checked<T> {
  try {
    return { ok: true, value: reader(input, path) };
  } catch (error) {
    if (error instanceof ValidationFailure) {
      return { ok: false, path: error.path, reason: error.reason };
    }
    // A stack overflow on absurdly deep input, say: still a bad input, not a crash.
    return { ok: false, path, reason: error instanceof Error ? error.message : 'unreadable' };
  }
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/**
 * Only plain objects: a Date, Map, Blob or class instance smuggled through structured clone is not
 * a record we wrote.
 */
function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
}

/**
 * Reads an object whose keys are exactly `required` plus any of `optional`: unknown keys are an
 * error rather than silently kept, so nothing unchecked reaches the database.
 */
export function readObject(
  input: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (!isPlainObject(input))
    throw new ValidationFailure(path, `expected an object, got ${describe(input)}`);
  const allowed = new Set([...required, ...optional]);
  for (const key of Object.keys(input)) {
    if (FORBIDDEN_KEYS.has(key)) throw new ValidationFailure(`${path}.${key}`, 'forbidden key');
    if (!allowed.has(key)) throw new ValidationFailure(`${path}.${key}`, 'unknown field');
  }
  for (const key of required) {
    if (!Object.hasOwn(input, key)) throw new ValidationFailure(`${path}.${key}`, 'missing');
  }
  return input;
}

export interface StringRule {
  readonly maxLength: number;
  readonly minLength?: number;
  readonly pattern?: RegExp;
  /** Said in the failure when `pattern` does not match. */
  readonly patternName?: string;
}

export function readString(input: unknown, path: string, rule: StringRule): string {
  if (typeof input !== 'string')
    throw new ValidationFailure(path, `expected a string, got ${describe(input)}`);
  // Length first: never run a pattern over an over-long string.
  if (input.length > rule.maxLength)
    throw new ValidationFailure(path, `longer than ${rule.maxLength} characters`);
  if (input.length < (rule.minLength ?? 0)) throw new ValidationFailure(path, 'too short');
  if (rule.pattern !== undefined && !rule.pattern.test(input)) {
    throw new ValidationFailure(path, `not ${rule.patternName ?? 'in the expected form'}`);
  }
  return input;
}

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

export function readNumber(input: unknown, path: string, rule: NumberRule): number {
  if (typeof input !== 'number')
    throw new ValidationFailure(path, `expected a number, got ${describe(input)}`);
  if (!Number.isFinite(input)) throw new ValidationFailure(path, 'not a finite number');
  if (rule.integer === true && !Number.isInteger(input))
    throw new ValidationFailure(path, 'not a whole number');
  if (input < rule.min || input > rule.max) {
    throw new ValidationFailure(path, `outside ${rule.min} to ${rule.max}`);
  }
  return input;
}

export function readBoolean(input: unknown, path: string): boolean {
  if (typeof input !== 'boolean')
    throw new ValidationFailure(path, `expected true or false, got ${describe(input)}`);
  return input;
}

export function readOneOf<const T extends string>(
  input: unknown,
  path: string,
  values: readonly T[],
): T {
  const found = values.find((value) => value === input);
  if (found === undefined)
    throw new ValidationFailure(path, `expected one of ${values.join(', ')}`);
  return found;
}

export function readNullable<T>(input: unknown, path: string, reader: Reader<T>): T | null {
  return input === null ? null : reader(input, path);
}

export function readArray<T>(
  input: unknown,
  path: string,
  maxLength: number,
  item: Reader<T>,
): T[] {
  if (!Array.isArray(input))
    throw new ValidationFailure(path, `expected a list, got ${describe(input)}`);
  const list: readonly unknown[] = input;
  if (list.length > maxLength) throw new ValidationFailure(path, `more than ${maxLength} entries`);
  return list.map((entry, index) => item(entry, `${path}[${index}]`));
}

/**
 * Reads a string-keyed map (metrics, checklist items). Keys must match `keyPattern` (which should
 * exclude `__proto__` anyway) and the result has no prototype, so no key can reach
 * `Object.prototype` even if a later caller assigns through it.
 */
export function readRecord<T>(
  input: unknown,
  path: string,
  rule: { readonly maxKeys: number; readonly keyPattern: RegExp },
  value: Reader<T>,
): Record<string, T> {
  if (!isPlainObject(input))
    throw new ValidationFailure(path, `expected an object, got ${describe(input)}`);
  const keys = Object.keys(input);
  if (keys.length > rule.maxKeys)
    throw new ValidationFailure(path, `more than ${rule.maxKeys} entries`);
  const out = Object.create(null) as Record<string, T>;
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) throw new ValidationFailure(`${path}.${key}`, 'forbidden key');
    if (!rule.keyPattern.test(key))
      throw new ValidationFailure(`${path}.${key}`, 'key not in the expected form');
    out[key] = value(input[key], `${path}.${key}`);
  }
  return out;
}

/** `2024-05-01T07:30:00.000Z`, as `Date.prototype.toISOString` writes it (UTC, so sortable). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** `2024-05-01`: a calendar day (week starts, programme start). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Long enough for any ISO timestamp we write (24 characters), short enough to bound the regex. */
const MAX_ISO_LENGTH = 30;

/** The pattern alone accepts `2024-13-45`; a date must also exist in the calendar. */
function isRealDate(text: string): boolean {
  const time = Date.parse(text);
  if (!Number.isFinite(time)) return false;
  return new Date(time).toISOString().slice(0, 10) === text.slice(0, 10);
}

export function readIsoDateTime(input: unknown, path: string): string {
  const text = readString(input, path, {
    maxLength: MAX_ISO_LENGTH,
    pattern: ISO_DATE_TIME,
    patternName: 'an ISO date-time in UTC',
  });
  if (!isRealDate(text)) throw new ValidationFailure(path, 'not a real date');
  return text;
}

export function readIsoDate(input: unknown, path: string): string {
  const text = readString(input, path, {
    maxLength: MAX_ISO_LENGTH,
    pattern: ISO_DATE,
    patternName: 'a date (YYYY-MM-DD)',
  });
  if (!isRealDate(`${text}T00:00:00.000Z`)) throw new ValidationFailure(path, 'not a real date');
  return text;
}
