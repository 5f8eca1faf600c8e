// Draws the IIJ Model icons (a dark-blue rounded square with a rising three-bar chart) and
// writes them as PNG files to assets/. Run: node scripts/draw-icons.mjs
// Only node's zlib is used: the PNG encoder below is hand-written so the drawing needs no package.

import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const assetsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

/** Output files: name and edge length in pixels (the icons are square). */
const icons = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["icon-128.png", 128],
  ["logo-filled.png", 80],
];

/** Subsamples per pixel edge used for anti-aliasing (SUBSAMPLES² samples per pixel). */
const SUBSAMPLES = 4;

/** Colours as [red, green, blue], 0 to 255. */
const NAVY = [16, 55, 105];
const SKY = [120, 190, 255];
const PALE = [190, 225, 255];
const WHITE = [255, 255, 255];

/**
 * The drawing in unit coordinates (0 to 1 across and down), painted in order: later shapes cover
 * earlier ones. Bars rise left to right; the baseline ties them together.
 */
const shapes = [
  { kind: "roundRect", x0: 0.02, y0: 0.02, x1: 0.98, y1: 0.98, radius: 0.2, color: NAVY },
  { kind: "rect", x0: 0.2, y0: 0.56, x1: 0.34, y1: 0.8, color: SKY },
  { kind: "rect", x0: 0.43, y0: 0.41, x1: 0.57, y1: 0.8, color: PALE },
  { kind: "rect", x0: 0.66, y0: 0.22, x1: 0.8, y1: 0.8, color: WHITE },
  { kind: "rect", x0: 0.14, y0: 0.8, x1: 0.86, y1: 0.85, color: SKY },
];

function insideRect(shape, x, y) {
  return x >= shape.x0 && x < shape.x1 && y >= shape.y0 && y < shape.y1;
}

function insideRoundRect(shape, x, y) {
  if (!insideRect(shape, x, y)) return false;
  const r = shape.radius;
  // Distance from the nearest corner circle's centre, clamped to the straight edges.
  const cx = Math.min(Math.max(x, shape.x0 + r), shape.x1 - r);
  const cy = Math.min(Math.max(y, shape.y0 + r), shape.y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const inside = { rect: insideRect, roundRect: insideRoundRect };

/** The topmost shape's colour at a unit-coordinate point, or null for transparent. */
function colorAt(x, y) {
  let color = null;
  for (const shape of shapes) {
    if (inside[shape.kind](shape, x, y)) color = shape.color;
  }
  return color;
}

/** RGBA pixels, row by row, 4 bytes a pixel, straight (not premultiplied) alpha. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const color = colorAt(
            (px + (sx + 0.5) / SUBSAMPLES) / size,
            (py + (sy + 0.5) / SUBSAMPLES) / size
          );
          if (color === null) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((255 * covered) / samples);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, filter type 0 (None) on every row. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method: adaptive
  header[12] = 0; // interlace: none
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(assetsDir, { recursive: true });
for (const [name, size] of icons) {
  writeFileSync(join(assetsDir, name), encodePng(size, size, render(size)));
  console.log(`assets/${name} ${size}x${size}`);
}
