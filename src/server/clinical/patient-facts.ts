// The patient part of an assessment's input, from the record: birth date, sex, the weight measured
// last, and the conditions and allergies in effect on the day.
import type { AssessmentInputJson } from '../../domain/assessment/index.ts';
import type { Queryable } from '../db/database.ts';
import { historyOn } from '../history/service.ts';

type PatientInput = NonNullable<AssessmentInputJson['patient']>;

/** What the engine needs to know about the patient on `day`, from the history as recorded now. */
export async function patientFacts(q: Queryable, clinicId: string, patient: { id: string; birthDate: string; sex: string }, day: string): Promise<PatientInput> {
  const history = await historyOn(q, clinicId, patient.id, day);
  const conditions = history.conditions
    .filter((c) => c.active)
    .map((c) => ({ code: c.code, ...(c.onset ? { onset: c.onset } : {}), ...(c.area ? { area: c.area } : {}) }));
  const allergies = history.allergies.filter((a) => a.active).map((a) => (a.substance !== null ? { substance: a.substance } : { class: a.class ?? 'other' }));
  return {
    birthDate: patient.birthDate,
    // The engine knows female, male and other; an unknown sex is left out rather than guessed.
    ...(patient.sex === 'female' || patient.sex === 'male' || patient.sex === 'other' ? { sex: patient.sex } : {}),
    ...(history.weight ? { weightKg: history.weight.weightKg } : {}),
    conditions,
    allergies,
  };
}
