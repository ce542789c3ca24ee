// The photo API: upload (multipart), the patient's and the course's photos, before/after pairs,
// the baseline-photo gate. Files are served only through GET /photos/{id}/{size}.
import { z } from 'zod';
import { photoViewSchema, PHOTO_VIEW_CODES } from '../vocabulary/index.ts';

export const PHOTO_PHASES = ['baseline', 'during-course', 'follow-up'] as const;
export const photoPhaseSchema = z.enum(PHOTO_PHASES, { error: (i) => (i.input === undefined ? 'is required' : `must be one of ${PHOTO_PHASES.join(', ')}`) });
export const PHOTO_SIZES = ['thumb', 'display', 'full'] as const;

/** Upload limits: bytes of the file, and pixels of the image (width × height). */
export const PHOTO_MAX_BYTES = 25 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 50_000_000;
/** Longest side of the generated copies, in pixels. */
export const PHOTO_DISPLAY_PX = 1600;
export const PHOTO_THUMB_PX = 320;

/**
 * The text fields of `POST /photos` (multipart/form-data, with the image in a part named `file`).
 * JPEG, PNG, WebP, and HEIC/AVIF where the server's image library reads them; the type is taken
 * from the content, never from the file name.
 */
export const photoUploadFields = z.strictObject({
  patientId: z.uuid({ message: 'must be a UUID' }),
  courseId: z.uuid({ message: 'must be a UUID' }).optional(),
  sessionId: z.uuid({ message: 'must be a UUID' }).optional(),
  view: photoViewSchema,
  phase: photoPhaseSchema,
  takenAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional().describe('When the picture was taken; the upload time by default'),
  note: z.string().trim().max(2000).optional(),
});
export type PhotoUploadFields = z.infer<typeof photoUploadFields>;

export const photoSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  courseId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  sessionNumber: z.number().int().nullable(),
  view: z.enum(PHOTO_VIEW_CODES),
  phase: z.enum(PHOTO_PHASES),
  takenAt: z.date(),
  width: z.number().int(),
  height: z.number().int(),
  sha256: z.string().describe('SHA-256 of the served full-size image (metadata stripped)'),
  originalSha256: z.string().describe('SHA-256 of the upload as received (kept, never served)'),
  note: z.string().nullable(),
  uploadedBy: z.uuid(),
  uploadedAt: z.date(),
  photoUse: z.enum(['clinical', 'teaching']).nullable().describe("What the patient's signed photo-use consent allows; null without one"),
  urls: z.object({ thumb: z.string(), display: z.string(), full: z.string() }),
});
export type Photo = z.infer<typeof photoSchema>;

export const photoFileParams = z.strictObject({
  id: z.uuid({ message: 'must be a UUID' }),
  size: z.enum(PHOTO_SIZES, { error: () => `must be one of ${PHOTO_SIZES.join(', ')}` }),
});

export const patientPhotosQuery = z.strictObject({
  courseId: z.uuid().optional(),
  phase: photoPhaseSchema.optional(),
  view: photoViewSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(20).optional(),
});

export const photoListQuery = z.strictObject({
  purpose: z.enum(['clinical', 'teaching']).describe('teaching: only photos of patients whose signed photo-use consent allows teaching'),
  patientId: z.uuid().optional(),
  view: photoViewSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(20).optional(),
});

export const photoComparisonSchema = z.object({
  courseId: z.uuid(),
  pairs: z.array(
    z.object({
      view: z.enum(PHOTO_VIEW_CODES),
      baseline: photoSchema.nullable().describe('The first baseline photo of the view'),
      latest: photoSchema.nullable().describe('The most recent later photo of the view; null when there is none yet'),
      daysApart: z.number().int().nullable(),
    }),
  ),
});

export const baselineGateSchema = z.object({
  courseId: z.uuid(),
  required: z.boolean().describe('The clinic setting requireBaselinePhotos (default true)'),
  firstSession: z.boolean().describe('The course has no session yet'),
  baselineViews: z.array(z.enum(PHOTO_VIEW_CODES)),
  waiver: z.object({ reason: z.string(), recordedBy: z.uuid(), recordedAt: z.date() }).nullable(),
  satisfied: z.boolean().describe('A first session may start'),
});

export const baselineWaiverBody = z.strictObject({
  reason: z.string().trim().min(3, 'must give the reason').max(2000),
});

/** The clinic's photo settings (clinics.settings -> 'photos'). */
export const photoSettingsSchema = z.strictObject({
  requireBaselinePhotos: z.boolean().describe("A course's first session needs baseline photos or a doctor's written reason (default true)"),
});
