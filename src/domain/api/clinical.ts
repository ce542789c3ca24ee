// Answers shared by the clinical record's routes: the refusal of the safety engine.
import { z } from 'zod';
import { findingSchema } from '../assessment/output-schema.ts';
import { DECISIONS } from '../assessment/rules.ts';
import { problemSchema } from './common.ts';

/** 422 problem+json of a refused plan or session: the engine's decision and every finding. */
export const refusedSchema = problemSchema.extend({
  decision: z.enum(DECISIONS).optional(),
  findings: z.array(findingSchema).optional(),
});

/** 409 problem+json; names the existing entry when the conflict is a duplicate. */
export const conflictSchema = problemSchema.extend({ entryId: z.uuid().optional() });
