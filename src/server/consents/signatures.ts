// Signatures drawn on screen, as stored: a PNG re-encoded without its metadata chunks, or an SVG
// document built by us from validated path data (never the client's own SVG text).
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { SignatureInput } from '../../domain/api/consents.ts';
import { Problem } from '../errors.ts';

/** A signature ready to store. */
export interface StoredSignature {
  bytes: Buffer;
  type: 'png' | 'svg';
}

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const maxSide = 4000;

function invalid(path: string, message: string): Problem {
  return Problem.unprocessable('signature-invalid', `${path}: ${message}`, [{ path, message }]);
}

// A blank pad (every pixel the same, or fully transparent) is no signature.
async function blank(image: Sharp): Promise<boolean> {
  const stats = await image.stats();
  const alpha = stats.channels[3];
  if (alpha && alpha.max === 0) return true;
  return stats.channels.every((c) => c.min === c.max);
}

/** Checks a drawn signature and turns it into the bytes to store; 422 naming the field otherwise. */
export async function storedSignature(input: SignatureInput, path: string): Promise<StoredSignature> {
  if (input.type === 'png') {
    const raw = Buffer.from(input.dataBase64, 'base64');
    if (raw.length < pngMagic.length || !raw.subarray(0, 8).equals(pngMagic)) throw invalid(`${path}.dataBase64`, 'is not a PNG image');
    let meta: Metadata;
    try {
      meta = await sharp(raw).metadata();
    } catch {
      throw invalid(`${path}.dataBase64`, 'is not a readable PNG image');
    }
    if (!meta.width || !meta.height || meta.width > maxSide || meta.height > maxSide) throw invalid(`${path}.dataBase64`, `must be at most ${maxSide}×${maxSide} pixels`);
    if (await blank(sharp(raw))) throw invalid(path, 'is empty: nothing was drawn');
    return { bytes: await sharp(raw).png().toBuffer(), type: 'png' };
  }
  const d = input.paths.map((p) => p.replace(/\s+/g, ' ').trim()).join(' ');
  if (!/\d/.test(d)) throw invalid(`${path}.paths`, 'holds no coordinates');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${input.width}" height="${input.height}" viewBox="0 0 ${input.width} ${input.height}">` +
    `<path d="${d}" fill="none" stroke="#0a2a6b" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  let empty: boolean;
  try {
    empty = await blank(sharp(Buffer.from(svg)));
  } catch {
    throw invalid(`${path}.paths`, 'cannot be drawn');
  }
  if (empty) throw invalid(path, 'is empty: nothing was drawn');
  return { bytes: Buffer.from(svg, 'utf8'), type: 'svg' };
}

/** A stored signature as a PNG, for embedding in a PDF (SVG strokes are rasterised at 3×). */
export async function signaturePng(s: StoredSignature): Promise<Buffer> {
  if (s.type === 'png') return s.bytes;
  return sharp(s.bytes, { density: 216 }).png().toBuffer();
}
