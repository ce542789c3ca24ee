// Signing, withdrawal and verification of consents: the moments a consent becomes evidence.
import { coursesRepository } from '../courses/repository.ts';
import crypto from 'node:crypto';
import type { Consent, SignatureInput } from '../../domain/api/consents.ts';
import { consentHash, type ConsentHashFacts } from '../../domain/consent/hash.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { courseProductCodes, loadCourse } from './course-plan.ts';
import { consentsRepository, toConsent, type ConsentRow } from './repository.ts';
import { consentOr404 } from './service.ts';
import { storedSignature, type StoredSignature } from './signatures.ts';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** The hash facts of a stored (signed) row. */
export function hashFactsOf(r: ConsentRow): ConsentHashFacts {
  if (!r.signed_at || !r.patient_signature || !r.doctor_signature || !r.countersigned_by || r.patient_typed_name === null) {
    throw new Error(`consent ${r.id} is not signed`);
  }
  return {
    consentId: r.id,
    kind: r.kind,
    language: r.language,
    patientId: r.patient_id,
    courseId: r.course_id,
    productCodes: r.product_codes,
    sessions: r.sessions,
    photoUse: r.photo_use,
    text: r.text,
    signedAt: r.signed_at,
    typedName: r.patient_typed_name,
    patientSignatureSha256: sha256(r.patient_signature),
    doctorSignatureSha256: sha256(r.doctor_signature),
    countersignedBy: r.countersigned_by,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Signs a draft: the patient's drawn signature and typed name, countersigned by the calling
 * doctor. Freezes the text, stores its hash, supersedes the consent it replaces, and starts a
 * course that waited for it. 409 when it is not a draft, or when the plan changed since.
 */
export async function signConsent(ctx: ServiceContext, id: string, body: { patientSignature: SignatureInput; typedName: string; doctorSignature: SignatureInput }): Promise<Consent> {
  const patientSig = await storedSignature(body.patientSignature, 'patientSignature');
  const doctorSig = await storedSignature(body.doctorSignature, 'doctorSignature');
  return clinicalTx(ctx, 'consent.sign', 'consent', id, (q) => signConsentIn(q, ctx.actor, id, { patientSig, doctorSig, typedName: body.typedName }));
}

/**
 * The same, in a transaction already open, with the signatures already turned into images.
 * `signedAt` is now but for records entered afterwards (the demo's); the hash covers it either way.
 */
export async function signConsentIn(
  q: Queryable,
  actor: Actor,
  id: string,
  s: { patientSig: StoredSignature; doctorSig: StoredSignature; typedName: string },
  signedAt: Date = new Date(),
): Promise<Consent> {
  const { patientSig, doctorSig, typedName } = s;
  const row = await consentOr404(q, id, { lock: true });
  if (row.status !== 'draft') throw Problem.conflict(`The consent is already ${row.status}: a signed consent is never signed again`, { consentStatus: row.status });
  // Serialises two signings for the same patient: one photo-use consent in force at a time.
  if (row.kind === 'photo-use') await q.query('SELECT 1 FROM patients WHERE id = $1 FOR UPDATE', [row.patient_id]);
  let courseActivated = false;
  if (row.kind === 'treatment' && row.course_id) {
    const course = await loadCourse(q, row.course_id, { lock: true });
    if (!course) throw Problem.notFound('Course');
    if (course.status === 'cancelled' || course.status === 'completed') throw Problem.conflict(`The course is ${course.status}`);
    if (!sameSet(courseProductCodes(course), row.product_codes) || course.planned_sessions !== row.sessions) {
      throw new Problem(409, 'consent-plan-changed', 'Conflict', 'The plan changed after this consent was produced (products or number of sessions): produce a new consent');
    }
    if (course.status === 'draft' || course.status === 'awaiting-consent') {
      const r = await q.query("UPDATE courses SET status = 'active', updated_at = now() WHERE id = $1 AND status IN ('draft', 'awaiting-consent')", [course.id]);
      courseActivated = (r.rowCount ?? 0) > 0;
    }
  }
  // Milliseconds: the time hashed is exactly the time stored.
  const signing = {
    patientSignature: patientSig.bytes,
    patientSignatureType: patientSig.type,
    typedName,
    signedAt,
    doctorId: actor.userId,
    doctorSignature: doctorSig.bytes,
    doctorSignatureType: doctorSig.type,
  };
  const contentHash = await consentHash(
    hashFactsOf({
      ...row,
      signed_at: signedAt,
      patient_signature: signing.patientSignature,
      doctor_signature: signing.doctorSignature,
      countersigned_by: signing.doctorId,
      patient_typed_name: signing.typedName,
    }),
  );
  const superseded = await consentsRepository.supersede(q, { id, kind: row.kind, courseId: row.course_id, patientId: row.patient_id }, signedAt);
  await consentsRepository.sign(q, id, { ...signing, contentHash });
  await appendAudit(
    q,
    clinicalAudit(actor, 'consent.sign', 'consent', id, { patientId: row.patient_id, courseId: row.course_id, contentHash, superseded, courseActivated }),
  );
  return toConsent(await consentOr404(q, id));
}

/** Records the patient's withdrawal of a signed consent, with its time and reason. */
export async function withdrawConsent(ctx: ServiceContext, id: string, reason: string): Promise<Consent> {
  return clinicalTx(ctx, 'consent.withdraw', 'consent', id, async (q) => {
    const row = await consentOr404(q, id, { lock: true });
    if (row.status !== 'signed') throw Problem.conflict(`Only a signed consent in force can be withdrawn; this one is ${row.status}`, { consentStatus: row.status });
    await consentsRepository.withdraw(q, id, reason, ctx.actor.userId, new Date());
    // The course's status follows its consent at the moment the consent changes, so reads never write.
    if (row.course_id) await coursesRepository.syncConsentStatus(q, ctx.actor.clinicId, { courseId: row.course_id });
    await appendAudit(q, clinicalAudit(ctx.actor, 'consent.withdraw', 'consent', id, { patientId: row.patient_id, courseId: row.course_id, reason }));
    return toConsent(await consentOr404(q, id));
  });
}

/** Recomputes the hash of a signed consent from the stored row and compares it with the stored one. */
export async function verifyConsent(ctx: ServiceContext, id: string): Promise<{ valid: boolean; storedHash: string; computedHash: string }> {
  return clinicalTx(ctx, 'consent.verify', 'consent', id, async (q) => {
    const row = await consentOr404(q, id);
    if (row.status === 'draft' || row.content_hash === null) throw Problem.conflict('A draft has no hash yet: only a signed consent can be verified', { consentStatus: row.status });
    const computedHash = await consentHash(hashFactsOf(row));
    const valid = computedHash === row.content_hash;
    await appendAudit(q, clinicalAudit(ctx.actor, 'consent.verify', 'consent', id, { valid, storedHash: row.content_hash, computedHash }));
    return { valid, storedHash: row.content_hash, computedHash };
  });
}
