/**
 * The two icons of the Teams app package, drawn in code so that the repository holds no binary
 * file, as Teams requires them: a 192×192 colour icon, a full opaque square (no rounded corners, no
 * transparency: Teams rounds it itself) in the accent colour with a white speech bubble and the
 * letters "TA" in its middle 96×96; and a 32×32 outline icon, the same bubble drawn edge to edge (no
 * padding) where every pixel is either white and fully opaque or fully transparent.
 *
 * The glyph is described once, on a 32-unit grid where the outline icon's pixels fall exactly on
 * whole units. The outline icon takes a pixel when its centre is inside the glyph (no smoothing, as
 * partly transparent pixels are not allowed); the colour icon samples each pixel 4×4 times, so its
 * curves are smoothed, white blending into the accent colour. The PNG encoder (RGBA, 8 bits, no
 * filtering) is `node:zlib` plus a CRC-32.
 */
import { deflateSync } from 'node:zlib';

/** The accent colour of the app, also `accentColor` in `manifest.json`. */
export const ACCENT_COLOR = '#1D4F91';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// ---------------------------------------------------------------------------------------------
// CRC-32 (ISO 3309, the polynomial PNG chunks use), table driven.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(...parts: Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const bytes of parts) {
    for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// PNG encoding and the size check used by the tests.

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, tail]);
}

/** Encodes RGBA pixels (`width × height × 4` bytes, rows top to bottom) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The width and height a PNG file declares in its IHDR chunk; throws when it is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
// The glyph, on a 32×32 grid.

/** A 5×7 bitmap font: just the letters of the glyph. */
const FONT: Record<string, readonly string[]> = {
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
};
const TEXT = 'TA';
const CELL = 2; // grid units per font pixel
const TEXT_LEFT = 5;
const TEXT_TOP = 5;

/** The bubble's body: a rounded rectangle touching the grid's top, left and right edges. */
const BODY = { left: 0, top: 0, right: 32, bottom: 25, radius: 5 };
type Point = readonly [number, number];
/** The bubble's tail, a triangle under the body's left side, down to the grid's bottom edge. */
const TAIL: readonly [Point, Point, Point] = [
  [6, 24],
  [15, 24],
  [4, 32],
];

function inRoundedRect(x: number, y: number, r: { left: number; top: number; right: number; bottom: number; radius: number }): boolean {
  if (x < r.left || x > r.right || y < r.top || y > r.bottom) return false;
  const cx = Math.min(Math.max(x, r.left + r.radius), r.right - r.radius);
  const cy = Math.min(Math.max(y, r.top + r.radius), r.bottom - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

function inTriangle(x: number, y: number, [a, b, c]: readonly [Point, Point, Point]): boolean {
  const side = (p: Point, q: Point) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function inText(x: number, y: number): boolean {
  const col = Math.floor((x - TEXT_LEFT) / CELL);
  const row = Math.floor((y - TEXT_TOP) / CELL);
  if (row < 0 || row >= 7 || col < 0) return false;
  const letter = TEXT[Math.floor(col / 6)];
  const bitmap = letter === undefined ? undefined : FONT[letter];
  return bitmap?.[row]?.[col % 6] === '#';
}

/** Whether a point of the 32×32 grid is white: inside the bubble, outside the letters. */
function inGlyph(x: number, y: number): boolean {
  return (inRoundedRect(x, y, BODY) || inTriangle(x, y, TAIL)) && !inText(x, y);
}

// ---------------------------------------------------------------------------------------------
// Rasterisation.

const SAMPLES = 4;

/** The share (0..1) of a pixel covered by a shape, from SAMPLES × SAMPLES points. */
function coverage(px: number, py: number, inside: (x: number, y: number) => boolean): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (inside(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** The colour icon: the white glyph, 96 px wide, in the middle of a full accent-coloured square. */
export function colorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const [r, g, b] = hexToRgb(ACCENT_COLOR);
  const scale = 3; // the 32-unit glyph drawn 96 px wide, centred: Teams' safe area
  const offset = (size - 32 * scale) / 2;
  const glyph = (x: number, y: number) => inGlyph((x - offset) / scale, (y - offset) / scale);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const white = coverage(x, y, glyph);
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(r + (255 - r) * white);
      rgba[i + 1] = Math.round(g + (255 - g) * white);
      rgba[i + 2] = Math.round(b + (255 - b) * white);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

/** The outline icon: the glyph in white, fully opaque, on a fully transparent background. */
export function outlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      rgba[i] = 255;
      rgba[i + 1] = 255;
      rgba[i + 2] = 255;
      rgba[i + 3] = inGlyph(x + 0.5, y + 0.5) ? 255 : 0;
    }
  }
  return encodePng(size, size, rgba);
}
