/**
 * The app icon, described once as a few flat shapes on a unit square and written as SVG: the
 * favicon, and rendered by sharp (libvips) into the PNG sizes the web app manifest lists. A plumb
 * line: an anchor bar, the string, and the bob, in white on the app's accent colour.
 */
import sharp from 'sharp';

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
/** The SVG's user units across (its viewBox); dots per inch at which libvips draws one per pixel. */
const SVG_SIZE = 100;
const CSS_DPI = 72;

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
  const parts = iconShapes(purpose).map((shape) => {
    const fill = `fill="${hex(shape.fill)}"`;
    switch (shape.kind) {
      case 'rect':
        return `<rect x="${n(shape.x * SVG_SIZE)}" y="${n(shape.y * SVG_SIZE)}" width="${n(shape.w * SVG_SIZE)}" height="${n(shape.h * SVG_SIZE)}" rx="${n(shape.radius * SVG_SIZE)}" ${fill}/>`;
      case 'circle':
        return `<circle cx="${n(shape.cx * SVG_SIZE)}" cy="${n(shape.cy * SVG_SIZE)}" r="${n(shape.r * SVG_SIZE)}" ${fill}/>`;
      case 'polygon':
        return `<polygon points="${shape.points.map(([x, y]) => `${n(x * SVG_SIZE)},${n(y * SVG_SIZE)}`).join(' ')}" ${fill}/>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SVG_SIZE} ${SVG_SIZE}">${parts.join('')}</svg>\n`;
}

/** A square PNG `size` pixels across, drawn from the SVG at that size (not scaled up from 100 px). */
export function iconPng(purpose: IconPurpose, size: number): Promise<Buffer> {
  return sharp(Buffer.from(iconSvg(purpose)), { density: (CSS_DPI * size) / SVG_SIZE })
    .png()
    .toBuffer();
}
