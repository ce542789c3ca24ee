import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { auditActions, countRows, makeCourse, makePatient, ok } from '../consents/testing.ts';
import { fsFileStore } from '../files/fs-file-store.ts';
import { hasGps, phoneJpeg, upload } from './testing.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-photos-'));
const t = await setupTestApp({ dataDir });
const store = fsFileStore(path.join(dataDir, 'files'));

interface PhotoBody {
  id: string;
  width: number;
  height: number;
  sha256: string;
  originalSha256: string;
  view: string;
  phase: string;
  urls: { thumb: string; display: string; full: string };
}

describe('uploading a photo', () => {
  it('strips EXIF and GPS from every served copy, after turning the picture upright; the original is kept but never served', async () => {
    const c = await t.clinic();
    const { patientId, courseId } = await makeCourse(c);
    const original = await phoneJpeg();
    expect(hasGps((await sharp(original).metadata()).exif)).toBe(true);
    const res = await upload(c.nurse, { patientId, courseId, view: 'scalp-top', phase: 'baseline', takenAt: '2026-11-01T10:00:00+03:00' }, { bytes: original, name: 'IMG_0001.JPG' });
    const photo = await ok<PhotoBody>(res, 201);
    expect(photo).toMatchObject({ width: 100, height: 200, view: 'scalp-top', phase: 'baseline' });

    for (const size of ['thumb', 'display', 'full'] as const) {
      const file = await c.doctor.call({ method: 'GET', url: photo.urls[size] });
      expect(file.statusCode, size).toBe(200);
      expect(file.headers['content-type']).toBe('image/jpeg');
      expect(file.headers['cache-control']).toBe('private, no-store');
      const meta = await sharp(file.rawPayload).metadata();
      expect({ exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc, orientation: meta.orientation }, size).toEqual({ exif: undefined, xmp: undefined, iptc: undefined, icc: undefined, orientation: undefined });
      expect(file.rawPayload.includes(Buffer.from('Exif\0'))).toBe(false);
      expect(file.rawPayload.includes(Buffer.from('TestPhone'))).toBe(false);
      expect([meta.width, meta.height]).toEqual([100, 200]);
    }
    const kept = await store.get(photo.originalSha256);
    expect(kept?.equals(original)).toBe(true);
    expect(photo.sha256).not.toBe(photo.originalSha256);
    expect((await auditActions(t, c.id, 'photo.view')).map((e) => e.details.size)).toEqual(['full', 'display', 'thumb']);
  });

  it('accepts PNG and WebP by their content, whatever their name, and serves JPEG', async () => {
    const c = await t.clinic();
    const patientId = await makePatient(c);
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 4, background: '#80a0c0ff' } }).png().toBuffer();
    const webp = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#406080' } }).webp().toBuffer();
    const a = await ok<PhotoBody>(await upload(c.doctor, { patientId, view: 'front', phase: 'follow-up' }, { bytes: png, name: 'scan.bin', type: 'application/octet-stream' }), 201);
    const b = await ok<PhotoBody>(await upload(c.doctor, { patientId, view: 'left-45', phase: 'follow-up' }, { bytes: webp, name: 'x.jpg' }), 201);
    expect([a.width, a.height, b.width, b.height]).toEqual([2400, 1200, 64, 48]);
    const display = await sharp((await c.doctor.call({ method: 'GET', url: a.urls.display })).rawPayload).metadata();
    const thumb = await sharp((await c.doctor.call({ method: 'GET', url: a.urls.thumb })).rawPayload).metadata();
    expect([display.format, display.width, display.height, thumb.width, thumb.height]).toEqual(['jpeg', 1600, 800, 320, 160]);
  });

  it('refuses a PDF named .jpg, a damaged image, too many bytes and too many pixels, with clear errors and nothing written', async () => {
    const c = await t.clinic();
    const patientId = await makePatient(c);
    const fields = { patientId, view: 'front', phase: 'baseline' };
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const jpeg = await phoneJpeg();
    const huge = Buffer.concat([jpeg.subarray(0, 2), Buffer.alloc(26 * 1024 * 1024, 7)]);
    const manyPixels = await sharp(Buffer.alloc(8000 * 6500, 128), { raw: { width: 8000, height: 6500, channels: 1 } }).png().toBuffer();
    const cases: [Buffer, number, string][] = [
      [pdf, 415, 'unsupported-photo-type'],
      [Buffer.from('just text, not an image at all'), 415, 'unsupported-photo-type'],
      [jpeg.subarray(0, 300), 422, 'photo-unreadable'],
      // An iPhone HEIC by its header; the prebuilt image library cannot decode HEVC, and says so.
      [Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic'), Buffer.alloc(64)]), 422, 'photo-(heic-unsupported|unreadable)'],
      [huge, 413, 'photo-too-large'],
      [manyPixels, 422, 'photo-too-many-pixels'],
    ];
    for (const [bytes, status, type] of cases) {
      const res = await upload(c.doctor, fields, { bytes, name: 'photo.jpg', type: 'image/jpeg' });
      expect(res.statusCode, type).toBe(status);
      expect(res.json<{ type: string; detail: string }>().type, res.body).toMatch(new RegExp(`${type}$`));
    }
    expect(await countRows(t, 'photos', c.id)).toBe(0);
  });

  it('names every bad field, refuses other bodies, and answers 404 for another clinic’s patient or another patient’s course', async () => {
    const a = await t.clinic();
    const b = await t.clinic();
    const patientId = await makePatient(a);
    const { courseId: otherCourse } = await makeCourse(a);
    const { patientId: foreignPatient } = await makeCourse(b);
    const bytes = await phoneJpeg();
    const cases: [Record<string, string>, boolean, number, string][] = [
      [{ patientId, phase: 'baseline' }, true, 400, 'body.view'],
      [{ patientId, view: 'nose', phase: 'baseline' }, true, 400, 'body.view'],
      [{ patientId, view: 'front', phase: 'before' }, true, 400, 'body.phase'],
      [{ patientId: 'p-1', view: 'front', phase: 'baseline' }, true, 400, 'body.patientId'],
      [{ patientId, view: 'front', phase: 'baseline', takenAt: 'yesterday' }, true, 400, 'body.takenAt'],
      [{ patientId, view: 'front', phase: 'baseline', colour: 'red' }, true, 400, 'body.colour'],
      [{ patientId, view: 'front', phase: 'baseline' }, false, 400, 'body.file'],
      [{ patientId: foreignPatient, view: 'front', phase: 'baseline' }, true, 404, 'body.patientId'],
      [{ patientId, courseId: otherCourse, view: 'front', phase: 'baseline' }, true, 404, 'body.courseId'],
    ];
    for (const [fields, withFile, status, path] of cases) {
      const res = await upload(a.doctor, fields, withFile ? { bytes } : undefined);
      expect(res.statusCode, path).toBe(status);
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path), path).toContain(path);
    }
    const json = await a.doctor.call({ method: 'POST', url: '/api/v1/photos', payload: { patientId, view: 'front', phase: 'baseline' } });
    expect(json.statusCode).toBe(415);
    expect(await countRows(t, 'photos', a.id)).toBe(0);
  });
});

describe('access', () => {
  it('keeps photos from reception, and reads of another clinic’s photo answer 404', async () => {
    const a = await t.clinic();
    const b = await t.clinic();
    const { patientId, courseId } = await makeCourse(a);
    const photo = await ok<PhotoBody>(await upload(a.nurse, { patientId, courseId, view: 'front', phase: 'baseline' }, { bytes: await phoneJpeg() }), 201);
    for (const url of [photo.urls.thumb, photo.urls.full, `/api/v1/photos/${photo.id}`, `/api/v1/patients/${patientId}/photos`, `/api/v1/courses/${courseId}/photo-comparison`, '/api/v1/photos?purpose=clinical']) {
      expect((await a.reception.call({ method: 'GET', url })).statusCode, url).toBe(403);
      expect((await b.doctor.call({ method: 'GET', url })).statusCode === 404 || url.startsWith('/api/v1/photos?'), url).toBe(true);
      expect((await a.owner.call({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect((await upload(a.reception, { patientId, view: 'front', phase: 'baseline' }, { bytes: await phoneJpeg() })).statusCode).toBe(403);
    expect((await b.doctor.call({ method: 'GET', url: '/api/v1/photos?purpose=clinical' })).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await a.doctor.call({ method: 'GET', url: `/api/v1/photos/${photo.id}/original` })).statusCode).toBe(400);
    expect((await a.doctor.call({ method: 'GET', url: '/api/v1/photos/nope/thumb' })).statusCode).toBe(400);
    expect((await auditActions(t, b.id, 'photo.view'))[0]).toMatchObject({ record_id: photo.id, outcome: 'not-found' });
  });
});
