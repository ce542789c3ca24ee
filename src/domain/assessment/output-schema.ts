// The assessment's output as a zod schema, for the HTTP API's response and its OpenAPI document.
import { z } from 'zod';
import { DECISIONS, LEVELS, RULE_IDS, type RuleId } from './rules.ts';

export const findingSchema = z.object({
  rule: z.enum(RULE_IDS as [RuleId, ...RuleId[]]),
  level: z.enum(LEVELS),
  message: z.string(),
  facts: z.record(z.string(), z.unknown()),
  source: z.string(),
});

export const assessmentSchema = z.object({
  decision: z.enum(DECISIONS),
  findings: z.array(findingSchema),
});
