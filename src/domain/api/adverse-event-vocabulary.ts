// Everything the adverse-event form and the follow-up list need to label and explain, in one
// answer (GET /api/v1/adverse-events/vocabulary): types with their follow-up rule, grades with
// their meaning, statuses, outcomes, seriousness criteria, routes, positions, follow-up kinds and
// outcomes — each code with its English and Russian label.
import { z } from 'zod';
import { FOLLOW_UP_RULES } from '../adverse-events/follow-up-rules.ts';
import { ATYPICAL_INFECTION_TYPES } from '../adverse-events/outbreak.ts';
import {
  adverseEventOutcomes,
  adverseEventStatuses,
  emergencyOutcomes,
  followUpKinds,
  followUpOutcomes,
  patientPositions,
  seriousnessCriteria,
  treatmentRoutes,
} from '../adverse-events/vocabulary.ts';
import { adverseEventTypes, severityGrades, type Code, type Labels, type Vocabulary } from '../vocabulary/index.ts';

const labelled = z.object({ code: z.string(), en: z.string(), ru: z.string() });

export const adverseEventVocabularySchema = z.object({
  types: z.array(
    labelled.extend({
      expected: z.boolean(),
      emergency: z.boolean(),
      /** Which emergency checklist the form shows for the type. */
      checklist: z.enum(['anaphylaxis', 'vagal']).nullable(),
      /** Recorded 1–12 weeks after a session, the type raises the atypical-infection alert. */
      atypicalInfectionSuspect: z.boolean(),
      followUp: z.object({
        kind: z.string(),
        anchor: z.enum(['session', 'onset']),
        afterHours: z.number(),
        repeatHours: z.number(),
        persistingIsComplication: z.boolean(),
        purpose: z.object({ en: z.string(), ru: z.string() }),
      }),
    }),
  ),
  grades: z.array(z.object({ grade: z.number().int(), en: z.string(), ru: z.string(), meaning: z.object({ en: z.string(), ru: z.string() }) })),
  statuses: z.array(labelled),
  outcomes: z.array(labelled),
  seriousness: z.array(labelled),
  routes: z.array(labelled),
  positions: z.array(labelled),
  emergencyOutcomes: z.array(labelled),
  followUpKinds: z.array(labelled),
  followUpOutcomes: z.array(labelled),
});
export type AdverseEventVocabulary = z.infer<typeof adverseEventVocabularySchema>;

function entries<C extends Code, E extends Labels>(v: Vocabulary<C, E>) {
  return v.codes.map((code) => ({ code: String(code), en: v.entries[code].en, ru: v.entries[code].ru }));
}

/** The vocabulary answer, built from the domain's tables. */
export function adverseEventVocabulary(): AdverseEventVocabulary {
  return {
    types: adverseEventTypes.codes.map((code) => {
      const e = adverseEventTypes.entries[code];
      const r = FOLLOW_UP_RULES[code];
      return {
        code,
        en: e.en,
        ru: e.ru,
        expected: e.expected,
        emergency: e.emergency,
        checklist: checklistOf(code),
        atypicalInfectionSuspect: ATYPICAL_INFECTION_TYPES.includes(code),
        followUp: { kind: r.kind, anchor: r.anchor, afterHours: r.afterHours, repeatHours: r.repeatHours, persistingIsComplication: r.persistingIsComplication, purpose: r.purpose },
      };
    }),
    grades: severityGrades.codes.map((grade) => ({ grade, en: severityGrades.entries[grade].en, ru: severityGrades.entries[grade].ru, meaning: severityGrades.entries[grade].meaning })),
    statuses: entries(adverseEventStatuses),
    outcomes: entries(adverseEventOutcomes),
    seriousness: entries(seriousnessCriteria),
    routes: entries(treatmentRoutes),
    positions: entries(patientPositions),
    emergencyOutcomes: entries(emergencyOutcomes),
    followUpKinds: entries(followUpKinds),
    followUpOutcomes: entries(followUpOutcomes),
  };
}

/** Which checklist an event type may carry. */
export function checklistOf(type: string): 'anaphylaxis' | 'vagal' | null {
  return type === 'anaphylaxis' || type === 'angioedema' ? 'anaphylaxis' : type === 'vagal' ? 'vagal' : null;
}
