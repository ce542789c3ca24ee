// The PDF documents of Mesochart: A4, DejaVu Sans embedded (subset) so that Cyrillic reads on any
// viewer, buffered pages so that footers can say "page i of n", rendered to bytes.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** The font files, from the dejavu-fonts-ttf package. */
export const pdfFonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

export const pdfInk = '#1a1a1a';
export const pdfMuted = '#666666';

/** What a document says about itself. */
export interface PdfMeta {
  title: string;
  author: string;
  subject?: string;
  lang: 'en' | 'ru';
  /** Streams uncompressed, for tests that read the bytes; compressed otherwise. */
  compress?: boolean;
  /** The document's date (a signed record's: when it was signed); the time of rendering otherwise. */
  createdAt?: Date;
  /** Page margins in points, when a document needs other than the default. */
  margins?: { top: number; bottom: number; left: number; right: number };
}

/** The page's drawable box. */
export interface PdfFrame {
  left: number;
  width: number;
}

/**
 * Renders a document: `draw` writes the pages with the fonts 'regular' and 'bold'; `footer`, when
 * given, is written on every page afterwards with its number and the count.
 */
export async function renderPdf(
  meta: PdfMeta,
  draw: (doc: PDFKit.PDFDocument, frame: PdfFrame) => void,
  footer?: (doc: PDFKit.PDFDocument, frame: PdfFrame & { y: number }, page: number, pages: number) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: meta.margins ?? { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    compress: meta.compress ?? true,
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
    },
  });
  doc.registerFont('regular', pdfFonts.regular);
  doc.registerFont('bold', pdfFonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const frame = { left: doc.page.margins.left, width: doc.page.width - doc.page.margins.left - doc.page.margins.right };
  doc.font('regular').fillColor(pdfInk);
  draw(doc, frame);
  if (footer) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin must not start a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      footer(doc, { ...frame, y: doc.page.height - bottom + 20 }, i - range.start + 1, range.count);
      doc.page.margins.bottom = bottom;
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A section heading that never ends a page alone. */
export function pdfHeading(doc: PDFKit.PDFDocument, frame: PdfFrame, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.6);
  doc.font('bold').fontSize(11.5).fillColor(pdfInk).text(text, frame.left, doc.y, { width: frame.width });
  doc.save().lineWidth(0.5).strokeColor('#bbbbbb').moveTo(frame.left, doc.y + 2).lineTo(frame.left + frame.width, doc.y + 2).stroke().restore();
  doc.moveDown(0.4);
}

/** Label–value rows: the label in a narrow muted column, the value beside it, wrapping. */
export function pdfFields(doc: PDFKit.PDFDocument, frame: PdfFrame, rows: readonly (readonly [string, string])[]): void {
  const labelWidth = Math.round(frame.width * 0.34);
  const valueWidth = frame.width - labelWidth - 10;
  for (const [label, value] of rows) {
    doc.font('regular').fontSize(9.5);
    const h = Math.max(doc.heightOfString(label, { width: labelWidth }), doc.heightOfString(value || '—', { width: valueWidth }));
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.fillColor(pdfMuted).text(label, frame.left, y, { width: labelWidth });
    doc.fillColor(pdfInk).text(value || '—', frame.left + labelWidth + 10, y, { width: valueWidth });
    doc.y = y + h + 3;
  }
  doc.x = frame.left;
}
