// The app's icons, drawn as vector shapes (signed distance functions) and rasterised with supersampling
// so that edges are anti-aliased. A white heart with a leaf in it: care and growth.
// Only +, *, sqrt, min, max and abs are used, so every Node version draws the very same pixels.
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
/** Colour of one sample at icon coordinates (0..1, y down), or undefined where nothing is drawn. */
type Paint = (x: number, y: number) => Rgb | undefined;

export const ICON_SIZES = { color: 192, outline: 32 } as const;

const WHITE: Rgb = [255, 255, 255];
const TEAL_LIGHT: Rgb = [38, 166, 143];
const TEAL_DARK: Rgb = [20, 110, 96];
const LEAF_GREEN: Rgb = [76, 175, 80];

const length = (x: number, y: number) => Math.sqrt(x * x + y * y);

/** Inigo Quilez's exact heart SDF: tip at (0,0), lobes up to y≈1.10, x within ±0.60. */
function heartDistance(px: number, py: number): number {
  const x = Math.abs(px);
  if (py + x > 1) return length(x - 0.25, py - 0.75) - Math.SQRT2 / 4;
  const m = 0.5 * Math.max(x + py, 0);
  return Math.sqrt(Math.min(x * x + (py - 1) ** 2, (x - m) ** 2 + (py - m) ** 2)) * Math.sign(x - py);
}

interface Heart {
  readonly centerX: number;
  /** y of the tip, in icon coordinates. */
  readonly tipY: number;
  /** icon units per heart unit */
  readonly scale: number;
}

/** Distance (icon units) from a point to the heart's edge; negative inside. */
function distanceToHeart(heart: Heart, x: number, y: number): number {
  return heartDistance((x - heart.centerX) / heart.scale, (heart.tipY - y) / heart.scale) * heart.scale;
}

interface Leaf {
  /** stem end and tip, icon coordinates */
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
  /** half of the widest part */
  readonly halfWidth: number;
}

/** A leaf is the lens where two discs overlap; its tips are the ends of the chord between them. */
function distanceToLeaf(leaf: Leaf, x: number, y: number): number {
  const [ax, ay] = leaf.from;
  const [bx, by] = leaf.to;
  const chord = length(bx - ax, by - ay);
  const nx = -(by - ay) / chord;
  const ny = (bx - ax) / chord;
  const radius = (chord * chord) / 4 / (2 * leaf.halfWidth) + leaf.halfWidth / 2;
  const offset = radius - leaf.halfWidth;
  const mx = (ax + bx) / 2;
  const my = (ay + by) / 2;
  const d1 = length(x - (mx + nx * offset), y - (my + ny * offset)) - radius;
  const d2 = length(x - (mx - nx * offset), y - (my - ny * offset)) - radius;
  return Math.max(d1, d2);
}

function distanceToSegment(x: number, y: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return length(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

const along = (leaf: Leaf, t: number): [number, number] => [
  leaf.from[0] + t * (leaf.to[0] - leaf.from[0]),
  leaf.from[1] + t * (leaf.to[1] - leaf.from[1]),
];

/** Midrib plus two pairs of side veins, each leaving the midrib towards the tip at 45°. */
function distanceToVeins(leaf: Leaf, x: number, y: number): number {
  let distance = distanceToSegment(x, y, along(leaf, 0.08), along(leaf, 0.86));
  const dx = (leaf.to[0] - leaf.from[0]) * 0.22;
  const dy = (leaf.to[1] - leaf.from[1]) * 0.22;
  for (const t of [0.34, 0.56]) {
    const start = along(leaf, t);
    // rotate the vein direction by ±45° (cos = sin = √½)
    const left: [number, number] = [start[0] + (dx - dy) * Math.SQRT1_2, start[1] + (dx + dy) * Math.SQRT1_2];
    const right: [number, number] = [start[0] + (dx + dy) * Math.SQRT1_2, start[1] + (dy - dx) * Math.SQRT1_2];
    distance = Math.min(distance, distanceToSegment(x, y, start, left), distanceToSegment(x, y, start, right));
  }
  return distance;
}

/** 192×192, opaque: teal gradient, white heart, green leaf with white veins. */
export function paintColorIcon(): Paint {
  const heart: Heart = { centerX: 0.5, tipY: 0.79, scale: 0.5 };
  const leaf: Leaf = { from: [0.37, 0.66], to: [0.64, 0.39], halfWidth: 0.075 };
  return (x, y) => {
    if (distanceToLeaf(leaf, x, y) < 0) return distanceToVeins(leaf, x, y) < 0.011 ? WHITE : LEAF_GREEN;
    if (distanceToHeart(heart, x, y) < 0) return WHITE;
    const t = (x + y) / 2;
    return [0, 1, 2].map((i) => TEAL_LIGHT[i]! + (TEAL_DARK[i]! - TEAL_LIGHT[i]!) * t) as unknown as Rgb;
  };
}

/** 32×32, white on transparent: the heart as a 2-pixel line, the leaf filled with its midrib cut out. */
export function paintOutlineIcon(): Paint {
  const heart: Heart = { centerX: 0.5, tipY: 0.9, scale: 0.72 };
  const leaf: Leaf = { from: [0.35, 0.66], to: [0.69, 0.32], halfWidth: 0.12 };
  const stroke = 2 / ICON_SIZES.outline;
  return (x, y) => {
    if (Math.abs(distanceToHeart(heart, x, y)) < stroke / 2) return WHITE;
    const insideLeaf = distanceToLeaf(leaf, x, y) < 0;
    const onMidrib = distanceToSegment(x, y, along(leaf, 0.12), along(leaf, 0.78)) < 0.55 / ICON_SIZES.outline;
    return insideLeaf && !onMidrib ? WHITE : undefined;
  };
}

/** Rasterises a paint with n×n samples per pixel; colour is averaged over painted samples, alpha is coverage. */
export function rasterise(paint: Paint, size: number, samples = 8): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const rgb = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!rgb) continue;
          r += rgb[0]; g += rgb[1]; b += rgb[2]; hits++;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = hits ? Math.round(r / hits) : 0;
      png.data[i + 1] = hits ? Math.round(g / hits) : 0;
      png.data[i + 2] = hits ? Math.round(b / hits) : 0;
      png.data[i + 3] = Math.round((255 * hits) / (samples * samples));
    }
  }
  return png;
}

export function drawIcons(): { color: Buffer; outline: Buffer } {
  return {
    color: PNG.sync.write(rasterise(paintColorIcon(), ICON_SIZES.color, 4)),
    outline: PNG.sync.write(rasterise(paintOutlineIcon(), ICON_SIZES.outline, 8)),
  };
}
