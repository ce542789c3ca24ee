// The regulator report of an adverse event as a PDF, in the report's language.
import { formatDate, formatInstant } from '../../domain/consent/format.ts';
import type { RegulatorReport } from '../../domain/api/pharmacovigilance.ts';
import { pdfFields, pdfHeading, pdfInk, pdfMuted, renderPdf } from '../pdf/document.ts';

const words = {
  en: {
    title: 'Adverse drug reaction report',
    subtitle: 'Prefilled from the clinical record for submission to the regulator',
    patient: 'Patient',
    initials: 'Initials',
    age: 'Age at onset, years',
    sex: 'Sex',
    products: 'Suspected products',
    product: 'Product',
    lot: 'Lot / expiry',
    manufacturer: 'Manufacturer / distributor',
    registration: 'Registration number',
    dose: 'Volume given',
    administration: 'Administration',
    date: 'Date of administration',
    technique: 'Technique, areas, depth',
    reaction: 'Reaction',
    type: 'Reaction',
    onset: 'Onset',
    grade: 'Severity (CTCAE grade)',
    expected: 'Expected',
    description: 'Description',
    seriousness: 'Seriousness',
    serious: 'Serious',
    criteria: 'Criteria',
    treatment: 'Treatment given',
    none: 'None recorded',
    outcome: 'Outcome',
    resolved: 'Resolved on',
    reporter: 'Reporter',
    clinic: 'Institution',
    yes: 'Yes',
    no: 'No',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    event: 'Event',
    generated: 'Generated',
  },
  ru: {
    title: 'Извещение о нежелательной реакции',
    subtitle: 'Заполнено по данным медицинской документации для направления в Росздравнадзор',
    patient: 'Пациент',
    initials: 'Инициалы',
    age: 'Возраст на момент реакции, лет',
    sex: 'Пол',
    products: 'Подозреваемые препараты',
    product: 'Препарат',
    lot: 'Серия / срок годности',
    manufacturer: 'Производитель / дистрибьютор',
    registration: 'Регистрационный номер',
    dose: 'Введённый объём',
    administration: 'Введение',
    date: 'Дата введения',
    technique: 'Техника, зоны, глубина',
    reaction: 'Реакция',
    type: 'Реакция',
    onset: 'Начало',
    grade: 'Степень тяжести (CTCAE)',
    expected: 'Ожидаемая',
    description: 'Описание',
    seriousness: 'Серьёзность',
    serious: 'Серьёзная',
    criteria: 'Критерии',
    treatment: 'Проведённое лечение',
    none: 'Не записано',
    outcome: 'Исход',
    resolved: 'Дата разрешения',
    reporter: 'Сообщивший',
    clinic: 'Медицинская организация',
    yes: 'Да',
    no: 'Нет',
    page: (i: number, n: number) => `Стр. ${i} из ${n}`,
    event: 'Явление',
    generated: 'Сформировано',
  },
} as const;

/** Renders the report; `compress: false` keeps the streams readable. */
export async function renderReportPdf(r: RegulatorReport, clinicName: string, timeZone: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const w = words[r.language];
  const at = (d: Date | string) => formatInstant(typeof d === 'string' ? new Date(d) : d, r.language, timeZone);
  const day = (d: string) => formatDate(d, r.language);
  const yesNo = (b: boolean | null) => (b === null ? '—' : b ? w.yes : w.no);
  return renderPdf(
    { title: w.title, author: clinicName, subject: `${w.event} ${r.eventId}`, lang: r.language, ...(options.compress === undefined ? {} : { compress: options.compress }) },
    (doc, frame) => {
      doc.font('bold').fontSize(15).fillColor(pdfInk).text(w.title, frame.left, doc.y, { width: frame.width, align: 'center' });
      doc.font('regular').fontSize(9).fillColor(pdfMuted).text(w.subtitle, { width: frame.width, align: 'center' });
      pdfHeading(doc, frame, w.patient);
      pdfFields(doc, frame, [
        [w.initials, r.patient.initials],
        [w.age, String(r.patient.ageYears)],
        [w.sex, r.patient.sexLabel],
      ]);
      pdfHeading(doc, frame, w.products);
      for (const p of r.products) {
        pdfFields(doc, frame, [
          [w.product, `${p.name} (${p.code})`],
          [w.lot, `${p.lotNumber} / ${day(p.expiresOn)}`],
          [w.manufacturer, [p.manufacturer, p.distributor].filter(Boolean).join(' / ')],
          [w.registration, p.registrationNumber ?? ''],
          [w.dose, `${p.volumeMl} ml`],
        ]);
        doc.moveDown(0.3);
      }
      pdfHeading(doc, frame, w.administration);
      pdfFields(doc, frame, [
        [w.date, at(r.administration.performedAt)],
        [w.technique, `${r.administration.techniqueLabel}; ${r.administration.areas.join(', ')}; ${r.administration.depthMm} mm`],
      ]);
      pdfHeading(doc, frame, w.reaction);
      pdfFields(doc, frame, [
        [w.type, r.reaction.label],
        [w.onset, at(r.reaction.onset)],
        [w.grade, r.reaction.gradeLabel],
        [w.expected, yesNo(r.reaction.expected)],
        [w.description, r.reaction.description],
      ]);
      pdfHeading(doc, frame, w.seriousness);
      pdfFields(doc, frame, [
        [w.serious, yesNo(r.seriousness.serious)],
        [w.criteria, r.seriousness.criteria.map((c) => c.label).join('; ')],
      ]);
      pdfHeading(doc, frame, w.treatment);
      pdfFields(doc, frame, r.treatment.length === 0 ? [[w.treatment, w.none]] : r.treatment.map((t) => [at(t.at), `${t.drug}, ${t.dose}, ${t.route}`] as const));
      pdfHeading(doc, frame, w.outcome);
      pdfFields(doc, frame, [
        [w.outcome, r.outcome.label],
        [w.resolved, r.outcome.resolvedAt ? at(r.outcome.resolvedAt) : ''],
      ]);
      pdfHeading(doc, frame, w.reporter);
      pdfFields(doc, frame, [
        [w.reporter, r.reporter ? `${r.reporter.name}, ${r.reporter.role}, ${r.reporter.email}` : r.source],
        [w.clinic, r.clinic.name],
      ]);
    },
    (doc, f, page, pages) => {
      doc.font('regular').fontSize(7).fillColor(pdfMuted);
      doc.text(`${w.event} ${r.eventId} · ${w.generated} ${at(r.generatedAt)}`, f.left, f.y, { width: f.width - 80, lineBreak: false });
      doc.text(w.page(page, pages), f.left + f.width - 80, f.y, { width: 80, align: 'right', lineBreak: false });
    },
  );
}
