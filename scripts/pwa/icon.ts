/**
 * The app icon, described once as a few flat shapes on a unit square and rendered two ways: as SVG
 * (the favicon) and as RGBA pixels for the PNG sizes the web app manifest lists. A plumb line: an
 * anchor bar, the string, and the bob, in white on the app's accent colour.
 */
import { encodePng } from './png.ts';

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

type Shape =
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly radius: number;
      readonly fill: Rgb;
    }
  | {
      readonly kind: 'circle';
      readonly cx: number;
      readonly cy: number;
      readonly r: number;
      readonly fill: Rgb;
    }
  | { readonly kind: 'polygon'; readonly points: readonly Point[]; readonly fill: Rgb };

/** --accent in src/ui/app.css: the icon and the browser's title bar match the app. */
export const THEME_COLOUR = '#0b7285';
const ACCENT: Rgb = [0x0b, 0x72, 0x85];
const WHITE: Rgb = [0xff, 0xff, 0xff];
/** Corner radius of the plain icon, as a share of its side (platforms mask maskable ones). */
const CORNER_RADIUS = 0.22;
/**
 * Maskable icons may be cropped to a circle of 40% radius (web.dev "maskable icons" safe zone):
 * the plumb line is shrunk to fit inside it and the background fills the whole square.
 */
const MASKABLE_CONTENT_SCALE = 0.8;
/** Samples per pixel side when rasterising: 4x4 gives smooth enough edges at 192 px and up. */
const SUPERSAMPLING = 4;

const PLUMB_LINE: readonly Shape[] = [
  { kind: 'rect', x: 0.34, y: 0.16, w: 0.32, h: 0.06, radius: 0.03, fill: WHITE },
  { kind: 'rect', x: 0.485, y: 0.2, w: 0.03, h: 0.36, radius: 0, fill: WHITE },
  { kind: 'circle', cx: 0.5, cy: 0.62, r: 0.11, fill: WHITE },
  {
    kind: 'polygon',
    points: [
      // The two tangent points from the tip to the circle, so the bob's outline is smooth.
      [0.4034, 0.6726],
      [0.5966, 0.6726],
      [0.5, 0.85],
    ],
    fill: WHITE,
  },
];

function scaled(shape: Shape, factor: number): Shape {
  const at = (value: number): number => 0.5 + (value - 0.5) * factor;
  switch (shape.kind) {
    case 'rect':
      return {
        ...shape,
        x: at(shape.x),
        y: at(shape.y),
        w: shape.w * factor,
        h: shape.h * factor,
        radius: shape.radius * factor,
      };
    case 'circle':
      return { ...shape, cx: at(shape.cx), cy: at(shape.cy), r: shape.r * factor };
    case 'polygon':
      return { ...shape, points: shape.points.map(([x, y]) => [at(x), at(y)] as const) };
  }
}

export type IconPurpose = 'any' | 'maskable';

export function iconShapes(purpose: IconPurpose): readonly Shape[] {
  const background: Shape = {
    kind: 'rect',
    x: 0,
    y: 0,
    w: 1,
    h: 1,
    radius: purpose === 'any' ? CORNER_RADIUS : 0,
    fill: ACCENT,
  };
  const factor = purpose === 'maskable' ? MASKABLE_CONTENT_SCALE : 1;
  return [background, ...PLUMB_LINE.map((shape) => scaled(shape, factor))];
}

function hex(colour: Rgb): string {
  return `#${colour.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** Rounds to a few decimals so the SVG stays short and stable. */
function n(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

export function iconSvg(purpose: IconPurpose): string {
  const SIZE = 100;
  const parts = iconShapes(purpose).map((shape) => {
    const fill = `fill="${hex(shape.fill)}"`;
    switch (shape.kind) {
      case 'rect':
        return `<rect x="${n(shape.x * SIZE)}" y="${n(shape.y * SIZE)}" width="${n(shape.w * SIZE)}" height="${n(shape.h * SIZE)}" rx="${n(shape.radius * SIZE)}" ${fill}/>`;
      case 'circle':
        return `<circle cx="${n(shape.cx * SIZE)}" cy="${n(shape.cy * SIZE)}" r="${n(shape.r * SIZE)}" ${fill}/>`;
      case 'polygon':
        return `<polygon points="${shape.points.map(([x, y]) => `${n(x * SIZE)},${n(y * SIZE)}`).join(' ')}" ${fill}/>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">${parts.join('')}</svg>\n`;
}

function insideRoundedRect(shape: Extract<Shape, { kind: 'rect' }>, x: number, y: number): boolean {
  if (x < shape.x || x > shape.x + shape.w || y < shape.y || y > shape.y + shape.h) return false;
  const r = Math.min(shape.radius, shape.w / 2, shape.h / 2);
  const nearestX = Math.min(Math.max(x, shape.x + r), shape.x + shape.w - r);
  const nearestY = Math.min(Math.max(y, shape.y + r), shape.y + shape.h - r);
  return (x - nearestX) ** 2 + (y - nearestY) ** 2 <= r * r;
}

/** Even-odd ray casting: enough for the convex polygons drawn here. */
function insidePolygon(points: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i] ?? [0, 0];
    const [xj, yj] = points[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function contains(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'rect':
      return insideRoundedRect(shape, x, y);
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r * shape.r;
    case 'polygon':
      return insidePolygon(shape.points, x, y);
  }
}

function topShape(shapes: readonly Shape[], x: number, y: number): Shape | undefined {
  let top: Shape | undefined;
  for (const shape of shapes) if (contains(shape, x, y)) top = shape;
  return top;
}

/**
 * Straight RGBA pixels of a square icon `size` pixels across. A pixel whose four corners fall in
 * the same shape takes its colour; the others (edges) are supersampled for antialiasing. Every
 * shape is several pixels wide at 180 px and up, so none can hide between corners.
 */
export function rasteriseIcon(purpose: IconPurpose, size: number): Uint8Array {
  const shapes = iconShapes(purpose);
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  // The shape at every pixel corner, computed once: each corner is shared by four pixels.
  const side = size + 1;
  const atCorner: (Shape | undefined)[] = [];
  for (let cy = 0; cy < side; cy++) {
    for (let cx = 0; cx < side; cx++) atCorner.push(topShape(shapes, cx / size, cy / size));
  }
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const corners = [
        atCorner[py * side + px],
        atCorner[py * side + px + 1],
        atCorner[(py + 1) * side + px],
        atCorner[(py + 1) * side + px + 1],
      ];
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      const add = (shape: Shape | undefined, weight: number): void => {
        if (!shape) return;
        r += shape.fill[0] * weight;
        g += shape.fill[1] * weight;
        b += shape.fill[2] * weight;
        covered += weight;
      };
      if (corners.every((shape) => shape === corners[0])) {
        add(corners[0], samples);
      } else {
        for (let sy = 0; sy < SUPERSAMPLING; sy++) {
          for (let sx = 0; sx < SUPERSAMPLING; sx++) {
            const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
            const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
            add(topShape(shapes, x, y), 1);
          }
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
        pixels[at + 3] = Math.round((255 * covered) / samples);
      }
    }
  }
  return pixels;
}

export function iconPng(purpose: IconPurpose, size: number): Buffer {
  return encodePng(size, size, rasteriseIcon(purpose, size));
}
