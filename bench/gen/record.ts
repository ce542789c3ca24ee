// What the generated clinical record shares: the real safety engine's verdicts (tallied for the
// report), the clinic's opening hours, and what is known of a treated patient as her record grows.
import { assess, parseAssessmentInput, type Assessment, type AssessmentInputJson } from '../../src/domain/assessment/index.ts';
import type { AdverseEventType } from '../../src/domain/vocabulary/index.ts';
import { type Gen, HOUR, MINUTE, msOf } from './common.ts';
import type { PatientRec } from './patients.ts';

/** Tallies of what the engine decided, for the generator's report. */
export const decisions = { plan: { ok: 0, warn: 0, block: 0 }, session: { ok: 0, warn: 0, block: 0 } };

/** An adverse event as later sessions' assessments see it. */
export interface AdverseRec {
  type: AdverseEventType;
  grade: number;
  onsetMs: number;
  resolvedMs: number | null;
}

/** A treated patient as her record grows. */
export interface Treated {
  p: PatientRec;
  adverse: AdverseRec[];
  lastLipolytic?: string;
  photoConsent: boolean;
}

/** The engine's assessment of input built from the record. */
export function assessOrThrow(g: Gen, input: AssessmentInputJson): Assessment {
  return assess(parseAssessmentInput(input), { lang: g.clinic.language, resolveProduct: g.clinic.resolver });
}

function localHourOffset(timeZone: string): number {
  const at = new Date(Date.UTC(2026, 0, 15, 12));
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at));
  return hour - 12;
}
const offsets = new Map<string, number>();

/** An instant during the clinic's opening hours on a day. */
export function during(g: Gen, day: string): number {
  let off = offsets.get(g.clinic.timeZone);
  if (off === undefined) {
    off = localHourOffset(g.clinic.timeZone);
    offsets.set(g.clinic.timeZone, off);
  }
  return msOf(day) + (g.rng.int(10, 19) - off) * HOUR + g.rng.int(0, 3) * 15 * MINUTE;
}

/** The courses and sessions of a patient who came for treatment. */
