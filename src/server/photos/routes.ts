import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import {
  baselineGateSchema,
  baselineWaiverBody,
  patientPhotosQuery,
  PHOTO_MAX_BYTES,
  photoComparisonSchema,
  photoFileParams,
  photoListQuery,
  photoSchema,
  photoSettingsSchema,
  photoUploadFields,
  type PhotoUploadFields,
} from '../../domain/api/photos.ts';
import { actorOf } from '../context.ts';
import { formatPath, Problem } from '../errors.ts';
import { fsFileStore } from '../files/fs-file-store.ts';
import { getPhotoSettings, replacePhotoSettings } from './settings.ts';
import { courseBaselineGate, getPhoto, patientPhotos, photoComparison, photoFile, photosForPurpose, recordBaselineWaiver, uploadPhoto } from './service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema };

const tooLarge = () =>
  new Problem(413, 'photo-too-large', 'Photo too large', `The file is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`, [{ path: 'file', message: `must be at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB` }]);

/** Reads the multipart upload: the `file` part into memory (bounded), the rest as text fields. */
async function readUpload(req: FastifyRequest): Promise<{ fields: PhotoUploadFields; file: Buffer }> {
  if (!req.isMultipart()) throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'Upload photos as multipart/form-data with the image in a part named "file"');
  const raw: Record<string, string> = {};
  let file: Buffer | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer().catch(() => undefined);
          throw Problem.badRequest(`body.${part.fieldname}: only one file, in a part named "file"`, [{ path: `body.${part.fieldname}`, message: 'unexpected file' }]);
        }
        file = await part.toBuffer();
      } else {
        if (part.fieldname in raw) throw Problem.badRequest(`body.${part.fieldname}: given twice`, [{ path: `body.${part.fieldname}`, message: 'given twice' }]);
        if (part.valueTruncated) throw Problem.badRequest(`body.${part.fieldname}: too long`, [{ path: `body.${part.fieldname}`, message: 'too long' }]);
        raw[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if (err instanceof Problem) throw err;
    if (err instanceof req.server.multipartErrors.RequestFileTooLargeError) throw tooLarge();
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status < 500) throw Problem.badRequest(`The multipart body is not valid: ${(err as Error).message}`);
    throw err;
  }
  const parsed = photoUploadFields.safeParse(raw);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(['body', ...(i.code === 'unrecognized_keys' ? [i.keys.join(',')] : i.path)]), message: i.code === 'unrecognized_keys' ? 'unknown field' : i.message }));
  if (!file) issues.push({ path: 'body.file', message: 'is required: the image, in a part named "file"' });
  if (!parsed.success || !file) throw Problem.badRequest(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  return { fields: parsed.data, file };
}

/** Photographs: upload, the patient's and the course's photos, comparison, files served only here. */
export const photoRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const store = fsFileStore(path.join(app.config.dataDir, 'files'));
  const tags = ['photos'];
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 10, fieldSize: 4000, parts: 12 } });

  app.post(
    '/photos',
    {
      config: { capability: 'photos.write' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description:
          'Uploads a photograph as multipart/form-data: the image in a part named `file` (JPEG, PNG, WebP, HEIC where supported; type read from the content; at most 25 MB and 50 megapixels), and the text fields patientId, courseId?, sessionId?, view, phase (baseline | during-course | follow-up), takenAt? (ISO 8601), note?. Metadata (EXIF, GPS) is removed from every served copy.',
        response: { 201: photoSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { fields, file } = await readUpload(req);
      return reply.status(201).send(await uploadPhoto(ctx(req), store, fields, file));
    },
  );

  app.get('/photos', { config: { capability: 'photos.read' }, schema: { tags, querystring: photoListQuery, response: { 200: page(photoSchema), ...errors } } }, async (req) => photosForPurpose(ctx(req), req.query));
  app.get('/photos/:id', { config: { capability: 'photos.read' }, schema: { tags, params: idParams, response: { 200: photoSchema, ...errors } } }, async (req) => getPhoto(ctx(req), req.params.id));
  app.get(
    '/photos/:id/:size',
    { config: { capability: 'photos.read' }, schema: { tags, description: 'One copy of a photo as image/jpeg (thumb 320 px, display 1600 px, full size), without any metadata', params: photoFileParams, response: { 200: z.any().describe('binary'), ...errors } } },
    async (req, reply) => {
      const bytes = await photoFile(ctx(req), store, req.params.id, req.params.size);
      // No caching anywhere: every view of a clinical photo goes through this audited route.
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').header('content-disposition', `inline; filename="photo-${req.params.id}-${req.params.size}.jpg"`).send(bytes);
    },
  );
  app.get('/patients/:id/photos', { config: { capability: 'photos.read' }, schema: { tags, params: idParams, querystring: patientPhotosQuery, response: { 200: page(photoSchema), ...errors } } }, async (req) =>
    patientPhotos(ctx(req), req.params.id, req.query),
  );
  app.get('/courses/:id/photo-comparison', { config: { capability: 'photos.read' }, schema: { tags, params: idParams, response: { 200: photoComparisonSchema, ...errors } } }, async (req) =>
    photoComparison(ctx(req), req.params.id),
  );
  app.get('/courses/:id/baseline-photos', { config: { capability: 'photos.read' }, schema: { tags, description: 'Whether the first session of the course may start (baseline photos or a recorded waiver)', params: idParams, response: { 200: baselineGateSchema, ...errors } } }, async (req) =>
    courseBaselineGate(ctx(req), req.params.id),
  );
  app.get('/clinic/photo-settings', { config: { capability: 'clinic.read' }, schema: { tags, response: { 200: photoSettingsSchema } } }, async (req) => getPhotoSettings(ctx(req)));
  app.put('/clinic/photo-settings', { config: { capability: 'clinic.manage' }, schema: { tags, body: photoSettingsSchema, response: { 200: photoSettingsSchema, ...errors } } }, async (req) =>
    replacePhotoSettings(ctx(req), req.body),
  );
  app.post(
    '/courses/:id/baseline-photo-waiver',
    { config: { capability: 'sessions.override' }, schema: { tags, description: 'A doctor records why the course starts without baseline photographs', params: idParams, body: baselineWaiverBody, response: { 201: baselineGateSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await recordBaselineWaiver(ctx(req), req.params.id, req.body.reason)),
  );
};
