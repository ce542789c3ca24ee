// The tamper-evident hash of a signed consent.
//
// Canonical form (version 1): the canonical JSON (src/domain/canonical-json.ts: keys sorted, no
// insignificant space, UTF-8) of this object —
//   { v: 1, consentId, kind, language, patientId, courseId (null for photo-use),
//     productCodes (sorted), sessions (null when none), photoUse (null for treatment),
//     text (exactly as stored, no normalisation), signedAt (ISO 8601 UTC with milliseconds),
//     typedName, patientSignatureSha256, doctorSignatureSha256 (hex of the stored signature
//     bytes), countersignedBy (the doctor's user id) }
// — and the hash is the lowercase hex SHA-256 of that text. Everything a reader of the signed
// consent relies on is inside: change the text, the products, the session count, the time, the
// name or either signature and the hash no longer matches. A future form bumps `v`.
import { canonicalJson } from '../canonical-json.ts';

/** The facts of a signed consent that its hash covers. */
export interface ConsentHashFacts {
  consentId: string;
  kind: 'treatment' | 'photo-use';
  language: 'en' | 'ru';
  patientId: string;
  courseId: string | null;
  productCodes: readonly string[];
  sessions: number | null;
  photoUse: 'clinical' | 'teaching' | null;
  text: string;
  signedAt: Date;
  typedName: string;
  patientSignatureSha256: string;
  doctorSignatureSha256: string;
  countersignedBy: string;
}

/** The canonical text that is hashed (version 1, documented above). */
export function consentCanonicalForm(f: ConsentHashFacts): string {
  return canonicalJson({
    v: 1,
    consentId: f.consentId,
    kind: f.kind,
    language: f.language,
    patientId: f.patientId,
    courseId: f.courseId,
    productCodes: [...f.productCodes].sort(),
    sessions: f.sessions,
    photoUse: f.photoUse,
    text: f.text,
    signedAt: f.signedAt.toISOString(),
    typedName: f.typedName,
    patientSignatureSha256: f.patientSignatureSha256,
    doctorSignatureSha256: f.doctorSignatureSha256,
    countersignedBy: f.countersignedBy,
  });
}

/** Lowercase hex SHA-256 of bytes or of a text's UTF-8 (Web Crypto: the same in Node and the browser). */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The content hash of a signed consent: SHA-256 of its canonical form. */
export async function consentHash(f: ConsentHashFacts): Promise<string> {
  return sha256Hex(consentCanonicalForm(f));
}
