// The prefilled report of one adverse event with the fields a regulator's adverse-reaction form
// asks for (Roszdravnadzor's "извещение", EMA/FDA forms alike): patient initials, age and sex;
// each product with lot, expiry and manufacturer; dates of administration and onset; reaction,
// seriousness, treatment, outcome; reporter. As JSON, and as a PDF.
import type { RegulatorReport } from '../../domain/api/pharmacovigilance.ts';
import { localDate } from '../../domain/clinical/calendar.ts';
import { ageOn, initials } from '../../domain/adverse-events/regulator.ts';
import { adverseEventOutcomes, seriousnessCriteria, treatmentRoutes, type AdverseEventOutcome, type SeriousnessCriterion, type TreatmentRoute } from '../../domain/adverse-events/vocabulary.ts';
import { adverseEventTypes, label, severityGrades, techniques, type Lang, type SeverityGrade, type TechniqueCode } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { loadClinicFacts } from '../clinical/clinic.ts';
import type { ServiceContext } from '../context.ts';
import { Problem } from '../errors.ts';
import { patientsRepository } from '../patients/repository.ts';
import { requireEvent } from './service.ts';
import { renderReportPdf } from './report-pdf.ts';

const sexLabels: Record<Lang, Record<string, string>> = {
  en: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' },
  ru: { female: 'Женский', male: 'Мужской', other: 'Другой', unknown: 'Не указан' },
};
const roleLabels: Record<Lang, Record<string, string>> = {
  en: { doctor: 'Doctor', nurse: 'Nurse', owner: 'Clinic owner', reception: 'Reception' },
  ru: { doctor: 'Врач', nurse: 'Медицинская сестра', owner: 'Руководитель клиники', reception: 'Администратор' },
};
const statusWhileOpen: Record<Lang, string> = { en: 'Not yet recovered (event not resolved)', ru: 'Не разрешилось (наблюдение продолжается)' };

/** Builds the report of one event in a language. */
export async function regulatorReport(ctx: ServiceContext, id: string, lang: Lang | undefined): Promise<{ report: RegulatorReport; clinicName: string; timeZone: string }> {
  const language = lang ?? ctx.actor.language;
  const clinicId = ctx.actor.clinicId;
  return clinicalTx(ctx, 'adverse-event.report', 'adverse-event', id, async (q) => {
    const event = await requireEvent(q, clinicId, id);
    const patient = await patientsRepository.byId(q, event.patientId);
    if (!patient) throw Problem.notFound('Patient');
    const clinic = await loadClinicFacts(q, clinicId);
    const clinicName = (await q.query<{ name: string }>('SELECT name FROM clinics WHERE id = $1', [clinicId])).rows[0]?.name ?? '';
    const products = await q.query<{ id: string; distributor: string | null; registration_number: string | null }>(
      'SELECT id, distributor, registration_number FROM products WHERE clinic_id = $1 AND id = ANY($2::uuid[])',
      [clinicId, event.lots.map((l) => l.productId)],
    );
    const productOf = new Map(products.rows.map((p) => [p.id, p]));
    const session = await q.query<{ depth_mm: number }>('SELECT depth_mm FROM sessions WHERE clinic_id = $1 AND id = $2', [clinicId, event.sessionId]);
    const reporter = event.reportedBy
      ? (await q.query<{ display_name: string; role: string; email: string }>('SELECT display_name, role, email FROM users WHERE clinic_id = $1 AND id = $2', [clinicId, event.reportedBy])).rows[0]
      : undefined;
    const onsetDate = localDate(event.onset, clinic.timeZone);
    const outcome = event.outcome as AdverseEventOutcome | null;
    const report: RegulatorReport = {
      eventId: event.id,
      language,
      generatedAt: new Date(),
      clinic: { name: clinicName },
      patient: { initials: initials(patient), ageYears: ageOn(patient.birthDate, onsetDate), sex: patient.sex, sexLabel: sexLabels[language][patient.sex] ?? patient.sex },
      products: event.lots.map((l) => ({
        name: l.productName,
        code: l.productCode,
        manufacturer: l.manufacturer,
        distributor: productOf.get(l.productId)?.distributor ?? null,
        registrationNumber: productOf.get(l.productId)?.registration_number ?? null,
        lotNumber: l.lotNumber,
        expiresOn: l.expiresOn,
        volumeMl: l.volumeMl,
      })),
      administration: {
        date: event.session.sessionDate,
        performedAt: event.session.performedAt,
        technique: event.session.technique,
        techniqueLabel: label(techniques, event.session.technique as TechniqueCode, language),
        areas: event.session.areas,
        depthMm: Number(session.rows[0]?.depth_mm ?? 0),
      },
      reaction: {
        type: event.type,
        label: label(adverseEventTypes, event.type, language),
        description: event.description,
        onset: event.onset,
        onsetDate,
        area: event.area,
        grade: event.grade,
        gradeLabel: `${event.grade} — ${label(severityGrades, event.grade as SeverityGrade, language)}`,
        expected: event.expected,
      },
      seriousness: {
        serious: event.serious,
        criteria: event.seriousness.map((c) => ({ code: c, label: label(seriousnessCriteria, c as SeriousnessCriterion, language) })),
      },
      treatment: event.treatments.map((t) => ({ drug: t.drug, dose: t.dose, route: label(treatmentRoutes, t.route as TreatmentRoute, language), at: t.at })),
      outcome: {
        status: event.status,
        code: outcome ?? 'ongoing',
        label: outcome ? label(adverseEventOutcomes, outcome, language) : statusWhileOpen[language],
        resolvedAt: event.resolvedAt,
      },
      reporter: reporter ? { name: reporter.display_name, role: roleLabels[language][reporter.role] ?? reporter.role, email: reporter.email } : null,
      source: event.source,
    };
    // Adrenaline doses are treatment too: a regulator reads one list.
    for (const d of event.anaphylaxis?.adrenalineDoses ?? []) report.treatment.push({ drug: language === 'ru' ? 'Адреналин (эпинефрин)' : 'Adrenaline (epinephrine)', dose: `${d.doseMg} mg`, route: label(treatmentRoutes, 'im', language), at: d.at });
    const atropine = event.vagal?.atropine;
    if (atropine?.given && atropine.at) report.treatment.push({ drug: language === 'ru' ? 'Атропин' : 'Atropine', dose: `${atropine.doseMg ?? ''} mg`, route: atropine.route ? label(treatmentRoutes, atropine.route, language) : '', at: atropine.at });
    report.treatment.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    await appendAudit(q, clinicalAudit(ctx.actor, 'adverse-event.report', 'adverse-event', id, { patientId: event.patientId, language }));
    return { report, clinicName, timeZone: clinic.timeZone };
  });
}

/** The report as PDF bytes. */
export async function regulatorReportPdf(ctx: ServiceContext, id: string, lang: Lang | undefined): Promise<{ pdf: Buffer; fileName: string }> {
  const { report, clinicName, timeZone } = await regulatorReport(ctx, id, lang);
  return { pdf: await renderReportPdf(report, clinicName, timeZone), fileName: `adverse-event-${id}.pdf` };
}
