/**
 * Draws the extension's icon (three allies joined on a blue tile) into public/icon/<size>.png.
 * Run by hand after changing the design: `node --import tsx scripts/make-icons.ts`.
 * Written without an image library: the shapes are a few circles and lines, supersampled.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [10, 102, 194, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** Nodes and links in a unit square. */
const NODES = [
  { x: 0.5, y: 0.27, r: 0.12 },
  { x: 0.27, y: 0.7, r: 0.12 },
  { x: 0.73, y: 0.7, r: 0.12 },
];
const LINKS: Array<[number, number]> = [
  [0, 1],
  [0, 2],
  [1, 2],
];

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const t = Math.max(
    0,
    Math.min(
      1,
      ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
    ),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function colourAt(x: number, y: number): Rgba | null {
  const corner = 0.2;
  const cx = Math.min(Math.max(x, corner), 1 - corner);
  const cy = Math.min(Math.max(y, corner), 1 - corner);
  if (Math.hypot(x - cx, y - cy) > corner) return null; // outside the rounded tile
  if (NODES.some((n) => Math.hypot(x - n.x, y - n.y) <= n.r)) return WHITE;
  const onLink = LINKS.some(([a, b]) => {
    const p = NODES[a]!;
    const q = NODES[b]!;
    return distanceToSegment(x, y, p.x, p.y, q.x, q.y) <= 0.035;
  });
  return onLink ? WHITE : BLUE;
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) sum[i]! += c[i]! * c[3];
          sum[3]! += c[3];
        }
      }
      const alpha = sum[3]! / (samples * samples);
      for (let i = 0; i < 3; i++) row[1 + x * 4 + i] = sum[3] ? Math.round(sum[i]! / sum[3]!) : 0;
      row[1 + x * 4 + 3] = Math.round(alpha);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = join(import.meta.dirname, '../public/icon');
for (const size of [16, 32, 48, 96, 128]) writeFileSync(join(outDir, `${size}.png`), png(size));
console.log(`Icons written to ${outDir}`);
