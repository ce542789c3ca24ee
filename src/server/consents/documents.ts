// The consent as a document: its PDF and the signature images, served only through audited routes.
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import type { ServiceContext } from '../context.ts';
import { Problem } from '../errors.ts';
import { loadClinic } from './parties.ts';
import { renderConsentPdf } from './pdf.ts';
import { titleOf } from './repository.ts';
import { consentOr404 } from './service.ts';
import { signaturePng } from './signatures.ts';

/** The consent rendered as PDF, with a file name for the download. */
export async function consentPdf(ctx: ServiceContext, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const { row, clinic } = await clinicalTx(ctx, 'consent.pdf', 'consent', id, async (q) => {
    const row = await consentOr404(q, id);
    const clinic = await loadClinic(q, ctx.actor.clinicId);
    await appendAudit(q, clinicalAudit(ctx.actor, 'consent.pdf', 'consent', id, { patientId: row.patient_id, status: row.status }));
    return { row, clinic };
  });
  const sig = async (bytes: Buffer | null, type: 'png' | 'svg' | null) => (bytes && type ? signaturePng({ bytes, type }) : null);
  const pdf = await renderConsentPdf({
    consentId: row.id,
    language: row.language,
    status: row.status,
    title: titleOf(row.text),
    text: row.text,
    clinicName: clinic.name,
    timeZone: clinic.time_zone,
    contentHash: row.content_hash,
    signedAt: row.signed_at,
    patientTypedName: row.patient_typed_name,
    patientSignaturePng: await sig(row.patient_signature, row.patient_signature_type),
    doctorName: row.countersigned_by_name,
    doctorSignaturePng: await sig(row.doctor_signature, row.doctor_signature_type),
    countersignedAt: row.countersigned_at,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
    supersededAt: row.superseded_at,
  });
  return { pdf, fileName: `consent-${row.id}.pdf` };
}

/** A signature as stored (PNG, or the SVG we built from the strokes). */
export async function consentSignature(ctx: ServiceContext, id: string, party: 'patient' | 'doctor'): Promise<{ bytes: Buffer; contentType: string }> {
  return clinicalTx(ctx, 'consent.signature', 'consent', id, async (q) => {
    const row = await consentOr404(q, id);
    const bytes = party === 'patient' ? row.patient_signature : row.doctor_signature;
    const type = party === 'patient' ? row.patient_signature_type : row.doctor_signature_type;
    if (!bytes || !type) throw Problem.notFound('Signature');
    await appendAudit(q, clinicalAudit(ctx.actor, 'consent.signature', 'consent', id, { party }));
    return { bytes, contentType: type === 'png' ? 'image/png' : 'image/svg+xml' };
  });
}
