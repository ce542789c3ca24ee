// The catalog API: substances, products with their composition, and cocktail templates. Lots and
// stock live in ./lots.ts; clinic settings and assessments in ./clinic.ts.
import { z } from 'zod';
import { indicationSchema, substanceClassSchema, techniqueSchema, SUBSTANCE_CLASS_CODES, INDICATION_CODES, TECHNIQUE_CODES } from '../vocabulary/index.ts';

/** A catalog code: lower-case kebab-case, the spelling assessments and allergies refer to. */
export const catalogCode = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case kebab-case code, e.g. "hofitol"');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const notes = z.string().trim().max(2000, 'must be at most 2000 characters');

/** A volume in ml: positive, stored with two decimals. */
export const volumeMl = z
  .number()
  .positive('must be positive')
  .max(100_000, 'must be at most 100000 ml')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must have at most 2 decimal places');

/** Registration statuses of a product; only `registered` counts as licensed for the safety engine. */
export const REGISTRATION_STATUSES = ['registered', 'pending', 'expired', 'revoked', 'not-registered'] as const;
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES, {
  error: (i) => (i.input === undefined ? 'is required' : `must be one of ${REGISTRATION_STATUSES.join(', ')}`),
});

/** A list query of the catalog: free text, page size, and the cursor of the previous page. */
export const catalogListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(20).optional(),
});

// ---- substances ----

export const substanceSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameEn: z.string(),
  nameRu: z.string(),
  class: z.enum(SUBSTANCE_CLASS_CODES),
  compositae: z.boolean(),
  fishDerived: z.boolean(),
  notes: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Substance = z.infer<typeof substanceSchema>;

export const newSubstanceBody = z.strictObject({
  code: catalogCode,
  nameEn: text(200),
  nameRu: text(200),
  class: substanceClassSchema,
  /** An Asteraceae plant (arnica, calendula…): the compositae-allergy rule reads it. */
  compositae: z.boolean().optional(),
  /** Made from fish DNA: the fish-allergy rule reads it. */
  fishDerived: z.boolean().optional(),
  notes: notes.optional(),
});
export type NewSubstance = z.infer<typeof newSubstanceBody>;

export const updateSubstanceBody = newSubstanceBody.partial().extend({ notes: notes.nullable().optional() });
export type SubstancePatch = z.infer<typeof updateSubstanceBody>;

export const substanceListQuery = catalogListQuery.extend({ class: substanceClassSchema.optional() });

// ---- products ----

export const productSubstanceSchema = z.object({
  substanceId: z.uuid(),
  code: z.string(),
  nameEn: z.string(),
  nameRu: z.string(),
  class: z.enum(SUBSTANCE_CLASS_CODES),
  concentrationMgPerMl: z.number().nullable(),
  containsAdrenaline: z.boolean(),
});

export const productSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameRu: z.string().nullable(),
  manufacturer: z.string().nullable(),
  distributor: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  registrationStatus: z.enum(REGISTRATION_STATUSES),
  licensed: z.boolean(),
  intradermal: z.boolean(),
  ampouleMl: z.number().nullable(),
  multiDose: z.boolean(),
  active: z.boolean(),
  notes: z.string().nullable(),
  substances: z.array(productSubstanceSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Product = z.infer<typeof productSchema>;

/** One substance of a composition: by id or by the clinic's substance code. */
export const compositionItem = z
  .strictObject({
    substanceId: z.uuid('must be a UUID').optional(),
    code: catalogCode.optional(),
    concentrationMgPerMl: z.number().min(0, 'must not be negative').max(1_000_000, 'must be at most 1000000').optional(),
    containsAdrenaline: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.substanceId === undefined) === (s.code === undefined)) ctx.addIssue({ code: 'custom', message: 'must name either substanceId or code' });
  });
export type CompositionItem = z.infer<typeof compositionItem>;

const productFields = {
  code: catalogCode,
  name: text(200),
  nameRu: text(200).optional(),
  manufacturer: text(200).optional(),
  distributor: text(200).optional(),
  registrationNumber: text(100).optional(),
  registrationStatus: registrationStatusSchema.optional(),
  /** Holds a valid licence; required, since the safety engine blocks unlicensed products. */
  licensed: z.boolean(),
  /** Approved for intradermal use; required, since the engine blocks the others (route rule). */
  intradermal: z.boolean(),
  ampouleMl: volumeMl.optional(),
  multiDose: z.boolean().optional(),
  active: z.boolean().optional(),
  notes: notes.optional(),
  substances: z.array(compositionItem).max(50, 'must list at most 50 substances'),
};

export const newProductBody = z.strictObject(productFields);
export type NewProduct = z.infer<typeof newProductBody>;

export const updateProductBody = z
  .strictObject(productFields)
  .partial()
  .extend({
    nameRu: text(200).nullable().optional(),
    manufacturer: text(200).nullable().optional(),
    distributor: text(200).nullable().optional(),
    registrationNumber: text(100).nullable().optional(),
    ampouleMl: volumeMl.nullable().optional(),
    notes: notes.nullable().optional(),
  });
export type ProductPatch = z.infer<typeof updateProductBody>;

export const productListQuery = catalogListQuery.extend({
  active: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
});

// ---- cocktail templates ----

export const templateComponentSchema = z.object({
  productId: z.uuid(),
  productCode: z.string(),
  productName: z.string(),
  volumeMl: z.number(),
});

export const cocktailTemplateSchema = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  indication: z.enum(INDICATION_CODES).nullable(),
  technique: z.enum(TECHNIQUE_CODES).nullable(),
  depthMm: z.number().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  components: z.array(templateComponentSchema),
  totalVolumeMl: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CocktailTemplate = z.infer<typeof cocktailTemplateSchema>;

const depthMm = z
  .number()
  .positive('must be positive')
  .max(50, 'must be at most 50 mm')
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6, 'must have at most 1 decimal place');

const templateFields = {
  code: catalogCode.optional(),
  name: text(200),
  indication: indicationSchema.optional(),
  technique: techniqueSchema.optional(),
  depthMm: depthMm.optional(),
  notes: notes.optional(),
  active: z.boolean().optional(),
  components: z
    .array(z.strictObject({ productId: z.uuid('must be a UUID'), volumeMl: volumeMl.refine((v) => v <= 1000, 'must be at most 1000 ml') }))
    .min(1, 'must list at least one component')
    .max(20, 'must list at most 20 components'),
};

export const newTemplateBody = z.strictObject(templateFields);
export type NewTemplate = z.infer<typeof newTemplateBody>;

export const updateTemplateBody = z
  .strictObject(templateFields)
  .partial()
  .extend({
    code: catalogCode.nullable().optional(),
    indication: indicationSchema.nullable().optional(),
    technique: techniqueSchema.nullable().optional(),
    depthMm: depthMm.nullable().optional(),
    notes: notes.nullable().optional(),
  });
export type TemplatePatch = z.infer<typeof updateTemplateBody>;

export const templateListQuery = catalogListQuery.extend({
  indication: indicationSchema.optional(),
  active: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
});

// ---- import of the starter catalog ----

const importCounts = z.object({ created: z.number().int(), existing: z.number().int() });
export const starterImportSchema = z.object({ substances: importCounts, products: importCounts, templates: importCounts });
export type StarterImportResult = z.infer<typeof starterImportSchema>;
