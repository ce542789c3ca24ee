// The consent API: templates, producing a consent from a course plan, signing on screen,
// withdrawal, verification of the frozen text. Shared by the server and the web client.
import { z } from 'zod';
import { CONSENT_KINDS } from '../consent/placeholders.ts';
import { language, problemSchema } from './common.ts';

export const consentKindSchema = z.enum(CONSENT_KINDS);
export const consentStatuses = ['draft', 'signed', 'withdrawn', 'superseded'] as const;
export const photoUses = ['clinical', 'teaching'] as const;
export const photoUseSchema = z.enum(photoUses, { error: (i) => (i.input === undefined ? 'is required' : 'must be clinical or teaching') });

// ---- templates ----

export const consentTemplateSchema = z.object({
  id: z.uuid(),
  kind: consentKindSchema,
  language,
  version: z.number().int().describe('Editing a template creates the next version; signed consents keep the text they were signed with'),
  title: z.string(),
  body: z.string().describe('Text with `{{placeholder}}` names (see GET /consent-templates/placeholders). Lines: `# ` title, `## ` section, `- ` list item'),
  active: z.boolean().describe('The version used for new consents'),
  createdAt: z.date(),
  createdBy: z.uuid().nullable(),
});
export type ConsentTemplate = z.infer<typeof consentTemplateSchema>;

export const templateListQuery = z.strictObject({
  kind: consentKindSchema.optional(),
  language: language.optional(),
  history: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('Include earlier (inactive) versions'),
});

export const newTemplateVersionBody = z.strictObject({
  kind: consentKindSchema,
  language,
  title: z.string().trim().min(1, 'is required').max(200),
  body: z.string().min(50, 'must be at least 50 characters').max(50_000, 'must be at most 50000 characters'),
});

export const placeholderSchema = z.object({
  name: z.string(),
  kinds: z.array(consentKindSchema),
  required: z.boolean(),
  description: z.object({ en: z.string(), ru: z.string() }),
});

// ---- consents ----

export const consentSummarySchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  courseId: z.uuid().nullable(),
  kind: consentKindSchema,
  language,
  status: z.enum(consentStatuses),
  title: z.string(),
  templateId: z.uuid().nullable(),
  templateVersion: z.number().int().nullable(),
  productCodes: z.array(z.string()).describe('Catalog codes of the products the consent covers'),
  sessions: z.number().int().nullable().describe('Number of sessions the consent covers'),
  photoUse: z.enum(photoUses).nullable(),
  contentHash: z.string().nullable().describe('SHA-256 of the canonical form, set at signing (src/domain/consent/hash.ts)'),
  patientTypedName: z.string().nullable(),
  signedAt: z.date().nullable(),
  countersignedBy: z.uuid().nullable(),
  countersignedByName: z.string().nullable(),
  withdrawnAt: z.date().nullable(),
  withdrawalReason: z.string().nullable(),
  supersededAt: z.date().nullable(),
  createdAt: z.date(),
  createdBy: z.uuid().nullable(),
});
export type ConsentSummary = z.infer<typeof consentSummarySchema>;

export const consentSchema = consentSummarySchema.extend({
  text: z.string().describe('The full text; frozen once signed'),
  additions: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentLangQuery = z.strictObject({
  lang: language.optional().describe("Language of the consent; the patient's preferred language by default"),
});

export const produceConsentBody = z
  .strictObject({
    additions: z.string().trim().max(5000, 'must be at most 5000 characters').optional().describe("The doctor's additional conditions, added to the text"),
  })
  .default({});

export const photoConsentBody = z.strictObject({
  photoUse: photoUseSchema.describe('clinical: medical record only; teaching: also teaching, publications and marketing'),
});

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A signature drawn on screen: a PNG image, or the pen strokes as SVG path data. */
export const signatureSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('png'),
    dataBase64: z
      .string()
      .max(1_400_000, 'must be at most 1 MB of image')
      .transform((s) => s.replace(/^data:image\/png;base64,/, ''))
      .pipe(z.string().regex(base64, 'must be base64')),
  }),
  z.strictObject({
    type: z.literal('svg-path'),
    width: z.number().int().min(10).max(4000),
    height: z.number().int().min(10).max(4000),
    paths: z
      .array(z.string().max(50_000).regex(/^[MLHVCSQTZmlhvcsqtz0-9eE.,\s+-]+$/, 'must be SVG path data (M, L, C, Q … and numbers)'))
      .min(1, 'must hold at least one stroke')
      .max(1000),
  }),
]);
export type SignatureInput = z.infer<typeof signatureSchema>;

export const signConsentBody = z.strictObject({
  patientSignature: signatureSchema,
  typedName: z.string().trim().min(2, 'must be the patient’s name').max(200),
  doctorSignature: signatureSchema.describe('The countersigning doctor (the caller)'),
});

export const withdrawConsentBody = z.strictObject({
  reason: z.string().trim().min(3, 'must give the reason').max(2000),
});

export const verifyConsentSchema = z.object({
  valid: z.boolean(),
  storedHash: z.string(),
  computedHash: z.string(),
});

export const signatureParams = z.strictObject({
  id: z.uuid({ message: 'must be a UUID' }),
  party: z.enum(['patient', 'doctor']),
});

export const consentListQuery = z.strictObject({
  kind: consentKindSchema.optional(),
  courseId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(20).optional(),
});

/** The problems of the consent routes, with the extra facts some carry. */
export const consentProblemSchema = problemSchema.extend({
  gaps: z.array(z.string()).optional().describe('consent-plan-incomplete: the course plan fields a consent cannot be made without'),
  consentStatus: z.enum(consentStatuses).optional().describe('409: the status the consent is in'),
  missing: z.array(z.string()).optional().describe('consent-template-invalid: required placeholders the body lacks'),
  unknown: z.array(z.string()).optional().describe('consent-template-invalid: placeholders that do not exist'),
});
