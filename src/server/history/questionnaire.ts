// The health questionnaire: the questions, and recording a patient's answers as history entries.
import { uuidv7 } from 'uuidv7';
import type { AllergyEntry, Condition, QuestionnaireAnswers } from '../../domain/api/history.ts';
import { mapAnswers, QUESTIONNAIRE_VERSION, QUESTIONS } from '../../domain/clinical/questionnaire.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { clinicToday, loadClinicFacts } from '../clinical/clinic.ts';
import { fieldInvalid } from '../clinical/problems.ts';
import type { ServiceContext } from '../context.ts';
import { createEntry } from './entries.ts';
import { historyRepository, toAllergy, toCondition, type VersionFields } from './repository.ts';
import { activeTwin, noFields, requirePatient } from './service.ts';

/** The questionnaire as the client shows it. */
export function questionnaire() {
  return {
    version: QUESTIONNAIRE_VERSION,
    questions: QUESTIONS.map((x) => ({
      id: x.id,
      text: x.text,
      asksDate: x.asksDate ?? null,
      conditions: [...x.conditions],
      allergies: (x.allergies ?? []).map((a) => ({ ...a })),
    })),
  };
}

/**
 * Records the answers as given, and the conditions and allergies the "yes" answers map to — each
 * a versioned history entry of source `questionnaire`; what the history already holds is not
 * recorded twice.
 */
export async function recordQuestionnaire(ctx: ServiceContext, patientId: string, body: QuestionnaireAnswers) {
  return clinicalTx(ctx, 'questionnaire.record', 'patient', patientId, async (q) => {
    const patient = await requirePatient(q, patientId);
    const today = clinicToday(await loadClinicFacts(q, ctx.actor.clinicId));
    body.answers.forEach((a, i) => {
      if (a.date !== undefined && a.date > today) throw fieldInvalid(`body.answers[${i}].date`, `must not be after today (${today})`);
      if (a.date !== undefined && a.date < patient.birthDate) throw fieldInvalid(`body.answers[${i}].date`, "must not be before the patient's birth date");
    });
    const id = uuidv7();
    await historyRepository.insertQuestionnaire(q, { id, clinicId: ctx.actor.clinicId, patientId, version: QUESTIONNAIRE_VERSION, answers: body.answers, recordedBy: ctx.actor.userId });
    const mapped = mapAnswers(body.answers);
    const notes = new Map(body.answers.map((a) => [a.questionId, a.note ?? null]));
    const conditions: Condition[] = [];
    const allergies: AllergyEntry[] = [];
    const alreadyRecorded: { questionId: string; entryId: string }[] = [];
    const record = async (questionId: string, kind: 'condition' | 'allergy', fields: VersionFields) => {
      const twin = await activeTwin(q, ctx.actor.clinicId, patientId, today, fields);
      if (twin) {
        alreadyRecorded.push({ questionId, entryId: twin.entry_id });
        return;
      }
      const row = await createEntry(q, ctx.actor, patientId, kind, fields);
      if (kind === 'condition') conditions.push(toCondition(row, today));
      else allergies.push(toAllergy(row, today));
    };
    for (const c of mapped.conditions) await record(c.questionId, 'condition', { ...noFields, code: c.code, onset: c.onset ?? null, note: notes.get(c.questionId) ?? null, source: 'questionnaire' });
    for (const a of mapped.allergies) {
      const allergen = 'substance' in a ? { substance: a.substance } : { substanceClass: a.class };
      await record(a.questionId, 'allergy', { ...noFields, ...allergen, note: notes.get(a.questionId) ?? null, source: 'questionnaire' });
    }
    await appendAudit(
      q,
      clinicalAudit(ctx.actor, 'questionnaire.record', 'patient', patientId, {
        responseId: id,
        conditions: conditions.map((c) => c.id),
        allergies: allergies.map((a) => a.id),
      }),
    );
    return { id, questionnaireVersion: QUESTIONNAIRE_VERSION, conditions, allergies, alreadyRecorded };
  });
}
