// Turning an uploaded photograph into what Mesochart stores and serves: the type is read from the
// content (never the name), limits are enforced, the orientation is applied, and every copy that
// can be served is re-encoded without any metadata (EXIF, GPS, XMP, IPTC, ICC).
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import { PHOTO_DISPLAY_PX, PHOTO_MAX_PIXELS, PHOTO_THUMB_PX } from '../../domain/api/photos.ts';
import { Problem } from '../errors.ts';

const accepted = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif']);

/** The processed photograph: the upload's type and the three served copies (JPEG). */
export interface ProcessedPhoto {
  originalType: string;
  full: Buffer;
  display: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/** Processes an upload; 415 for a type that is not an accepted image, 422 for too many pixels or an unreadable image. */
export async function processPhoto(upload: Buffer): Promise<ProcessedPhoto> {
  const type = await fileTypeFromBuffer(upload);
  if (!type || !accepted.has(type.mime)) {
    throw new Problem(
      415,
      'unsupported-photo-type',
      'Unsupported photo type',
      `The file is ${type ? type.mime : 'of an unknown type'} by its content; photos must be JPEG, PNG, WebP or HEIC (whatever the file name says)`,
      [{ path: 'file', message: 'is not a JPEG, PNG, WebP or HEIC image' }],
    );
  }
  let meta: Metadata;
  try {
    meta = await sharp(upload, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable(type.mime);
  }
  const { width, height } = meta.autoOrient;
  if (!width || !height) throw unreadable(type.mime);
  if (width * height > PHOTO_MAX_PIXELS) {
    throw Problem.unprocessable('photo-too-many-pixels', `The image is ${width}×${height} = ${((width * height) / 1e6).toFixed(1)} megapixels; at most ${PHOTO_MAX_PIXELS / 1e6} megapixels are accepted`, [
      { path: 'file', message: `must be at most ${PHOTO_MAX_PIXELS / 1e6} megapixels` },
    ]);
  }
  try {
    // autoOrient() applies the EXIF orientation; sharp writes no metadata unless asked to.
    const base = sharp(upload, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' }).autoOrient().flatten({ background: '#ffffff' });
    const full = await base.clone().jpeg({ quality: 92, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    const display = await base.clone().resize({ width: PHOTO_DISPLAY_PX, height: PHOTO_DISPLAY_PX, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    const thumb = await base.clone().resize({ width: PHOTO_THUMB_PX, height: PHOTO_THUMB_PX, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
    return { originalType: type.mime, full: full.data, display, thumb, width: full.info.width, height: full.info.height };
  } catch {
    throw unreadable(type.mime);
  }
}

function unreadable(mime: string): Problem {
  const heic = mime === 'image/heic' || mime === 'image/heif';
  return Problem.unprocessable(
    heic ? 'photo-heic-unsupported' : 'photo-unreadable',
    heic
      ? "This server's image library cannot decode HEIC photos. Send JPEG instead (on an iPhone: Settings → Camera → Formats → Most Compatible)."
      : 'The image could not be read: the file is damaged or incomplete',
    [{ path: 'file', message: heic ? 'HEIC cannot be decoded here; send JPEG' : 'cannot be read as an image' }],
  );
}
