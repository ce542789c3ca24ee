// Helpers of the photo integration tests: multipart bodies, image fixtures, EXIF inspection.
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { Caller } from '../../../test/app.ts';

/** A multipart/form-data request body, as a phone's browser sends it. */
export async function multipart(fields: Record<string, string>, file?: { bytes: Buffer; name: string; type: string }): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type') ?? '' } };
}

/** Uploads a photo as `who`. */
export async function upload(who: Caller, fields: Record<string, string>, file?: { bytes: Buffer; name?: string; type?: string }): Promise<LightMyRequestResponse> {
  const body = await multipart(fields, file && { bytes: file.bytes, name: file.name ?? 'photo.jpg', type: file.type ?? 'image/jpeg' });
  return who.call({ method: 'POST', url: '/api/v1/photos', ...body });
}

/**
 * A 200×100 JPEG as a phone writes it: camera make, GPS position (Moscow), and orientation 6
 * (the picture is to be shown turned 90°, i.e. 100×200).
 */
export async function phoneJpeg(colour = '#c08060'): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 100, channels: 3, background: colour } })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'TP-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 2100/100', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/** Whether an EXIF block (as sharp's metadata returns it) holds a GPS directory (tag 0x8825 in IFD0). */
export function hasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const ifd = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let i = 0; i < u16(ifd); i++) if (u16(ifd + 2 + i * 12) === 0x8825) return true;
  return false;
}
