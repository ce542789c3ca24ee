// Renders a consent as a PDF a clinic can hand to the patient: the frozen text, the signatures,
// and on every page a footer with the content hash and the time of signing.
import { formatInstant } from '../../domain/consent/format.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';
import { pdfInk as ink, pdfMuted as muted, renderPdf, type PdfFrame } from '../pdf/document.ts';

/** What the PDF shows. */
export interface ConsentPdfInput {
  consentId: string;
  language: Lang;
  status: 'draft' | 'signed' | 'withdrawn' | 'superseded';
  title: string;
  text: string;
  clinicName: string;
  timeZone: string;
  contentHash: string | null;
  signedAt: Date | null;
  patientTypedName: string | null;
  patientSignaturePng: Buffer | null;
  doctorName: string | null;
  doctorSignaturePng: Buffer | null;
  countersignedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  supersededAt: Date | null;
}

const words = {
  en: {
    signatures: 'Signatures',
    patient: 'Patient',
    doctor: 'Doctor',
    signed: 'Signed',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    draft: 'DRAFT — not signed. This text is for reading only.',
    withdrawn: (at: string, reason: string) => `WITHDRAWN by the patient on ${at}. Reason: ${reason}`,
    superseded: (at: string) => `SUPERSEDED on ${at} by a later consent; no longer in force.`,
    hash: 'SHA-256 of the signed consent',
    notSigned: 'not signed',
    id: 'Consent',
  },
  ru: {
    signatures: 'Подписи',
    patient: 'Пациент',
    doctor: 'Врач',
    signed: 'Подписано',
    page: (i: number, n: number) => `Стр. ${i} из ${n}`,
    draft: 'ПРОЕКТ — не подписан. Текст только для ознакомления.',
    withdrawn: (at: string, reason: string) => `ОТОЗВАНО пациентом ${at}. Причина: ${reason}`,
    superseded: (at: string) => `ЗАМЕНЕНО ${at} более поздним согласием; не действует.`,
    hash: 'SHA-256 подписанного согласия',
    notSigned: 'не подписано',
    id: 'Согласие',
  },
} as const;

/** Renders the consent to PDF bytes; `compress: false` keeps streams readable (tests). */
export async function renderConsentPdf(input: ConsentPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const w = words[input.language];
  const at = (d: Date) => formatInstant(d, input.language, input.timeZone);
  return renderPdf(
    {
      title: input.title,
      author: input.clinicName,
      subject: input.contentHash ? `SHA-256 ${input.contentHash}` : w.notSigned,
      lang: input.language,
      ...(options.compress === undefined ? {} : { compress: options.compress }),
      ...(input.signedAt ? { createdAt: input.signedAt } : {}),
      margins: { top: 64, bottom: 72, left: 62, right: 62 },
    },
    (doc, { left, width }) => {
      banner(doc, input, w, at, left, width);
      body(doc, input.text, left, width);
      signatures(doc, input, w, at, left, width);
    },
    (doc, frame, page, pages) => footer(doc, input, w, at, frame, page, pages),
  );
}

type Words = (typeof words)[Lang];

function banner(doc: PDFKit.PDFDocument, input: ConsentPdfInput, w: Words, at: (d: Date) => string, left: number, width: number): void {
  let note: string | undefined;
  let color = '#8a1c1c';
  if (input.status === 'draft') note = w.draft;
  else if (input.status === 'withdrawn' && input.withdrawnAt) note = w.withdrawn(at(input.withdrawnAt), input.withdrawalReason ?? '');
  else if (input.status === 'superseded' && input.supersededAt) {
    note = w.superseded(at(input.supersededAt));
    color = '#555555';
  }
  if (!note) return;
  doc.font('bold').fontSize(10);
  const h = doc.heightOfString(note, { width: width - 16 }) + 12;
  const y = doc.y;
  doc.save().lineWidth(1).strokeColor(color).rect(left, y, width, h).stroke().restore();
  doc.fillColor(color).text(note, left + 8, y + 6, { width: width - 16 });
  doc.fillColor(ink).font('regular');
  doc.y = y + h + 14;
  doc.x = left;
}

function body(doc: PDFKit.PDFDocument, text: string, left: number, width: number): void {
  let first = true;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line === '') {
      doc.moveDown(0.45);
      continue;
    }
    if (line.startsWith('# ')) {
      doc.font('bold').fontSize(15).fillColor(ink).text(line.slice(2), left, doc.y, { width, align: 'center' });
      doc.moveDown(first ? 0.6 : 0.3);
    } else if (line.startsWith('## ')) {
      // A heading never ends a page alone.
      if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
      doc.moveDown(0.35);
      doc.font('bold').fontSize(11.5).fillColor(ink).text(line.slice(3), left, doc.y, { width });
      doc.moveDown(0.25);
    } else if (line.startsWith('- ')) {
      doc.font('regular').fontSize(10).fillColor(ink);
      const item = line.slice(2);
      if (doc.y + doc.heightOfString(item, { width: width - 14 }) > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      doc.text('•', left + 2, y, { width: 10, lineBreak: false });
      doc.text(item, left + 14, y, { width: width - 14, lineGap: 1.5 });
      doc.moveDown(0.15);
    } else {
      doc.font('regular').fontSize(10).fillColor(ink).text(line, left, doc.y, { width, lineGap: 1.5, align: 'left' });
    }
    first = false;
  }
}

function signatures(doc: PDFKit.PDFDocument, input: ConsentPdfInput, w: Words, at: (d: Date) => string, left: number, width: number): void {
  const boxH = 150;
  if (doc.y + boxH + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(1);
  doc.font('bold').fontSize(11.5).fillColor(ink).text(w.signatures, left, doc.y, { width });
  doc.moveDown(0.5);
  const top = doc.y;
  const col = (width - 24) / 2;
  const party = (x: number, role: string, name: string | null, png: Buffer | null, when: Date | null) => {
    doc.font('regular').fontSize(9).fillColor(muted).text(role, x, top, { width: col });
    if (png) doc.image(png, x, top + 16, { fit: [col, 70], valign: 'bottom' });
    doc.save().lineWidth(0.6).strokeColor('#999999').moveTo(x, top + 90).lineTo(x + col, top + 90).stroke().restore();
    doc.font('bold').fontSize(10).fillColor(ink).text(name ?? '', x, top + 95, { width: col });
    doc.font('regular').fontSize(9).fillColor(muted).text(when ? `${w.signed}: ${at(when)}` : w.notSigned, x, top + 110, { width: col });
  };
  party(left, w.patient, input.patientTypedName, input.patientSignaturePng, input.signedAt);
  party(left + col + 24, w.doctor, input.doctorName, input.doctorSignaturePng, input.countersignedAt);
  doc.fillColor(ink);
  doc.x = left;
  doc.y = top + boxH - 20;
}

function footer(doc: PDFKit.PDFDocument, input: ConsentPdfInput, w: Words, at: (d: Date) => string, frame: PdfFrame & { y: number }, page: number, pages: number): void {
  const { left, width } = frame;
  const y = frame.y - 2;
  doc.save().lineWidth(0.5).strokeColor('#bbbbbb').moveTo(left, y - 6).lineTo(left + width, y - 6).stroke().restore();
  const hash = input.contentHash ? `${w.hash}: ${input.contentHash}` : `${w.hash}: — (${w.notSigned})`;
  const signed = input.signedAt ? `${w.signed}: ${at(input.signedAt)}` : w.notSigned;
  doc.font('regular').fontSize(7).fillColor(muted);
  doc.text(hash, left, y, { width, lineBreak: false });
  doc.text(`${signed} · ${w.id} ${input.consentId}`, left, y + 10, { width: width - 80, lineBreak: false });
  doc.text(w.page(page, pages), left + width - 80, y + 10, { width: 80, align: 'right', lineBreak: false });
  doc.fillColor(ink);
}
