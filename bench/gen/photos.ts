// Photographs as the chart lists them (metadata only: the benchmark serves no image files), the
// doctor's waiver when a course starts without baseline photos, the patient's photo-use consent,
// and drawn signatures (SVG pen strokes, as the consent screen stores them).
import crypto from 'node:crypto';
import { consentCanonicalForm } from '../../src/domain/consent/hash.ts';
import type { PhotoView } from '../../src/domain/vocabulary/index.ts';
import { Rng } from '../lib/rng.ts';
import { audit, type Gen, iso, MINUTE } from './common.ts';
import type { PatientRec } from './patients.ts';

const signatures = new Map<string, Buffer>();

/** The drawn signature of a person: the same strokes every time she signs. */
export function signatureOf(g: Gen, personId: string): Buffer {
  let svg = signatures.get(personId);
  if (svg === undefined) {
    const r = new Rng(personId);
    const strokes = Array.from({ length: r.int(2, 4) }, () => {
      let x = r.int(10, 60);
      let y = r.int(30, 70);
      const pts = [`M${x} ${y}`];
      for (let i = 0; i < r.int(8, 16); i++) {
        x += r.int(4, 18);
        y = Math.max(5, Math.min(95, y + r.int(-14, 14)));
        pts.push(`L${x} ${y}`);
      }
      return `<path d="${pts.join(' ')}"/>`;
    });
    svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100" fill="none" stroke="#000" stroke-width="2">${strokes.join('')}</svg>`);
    if (signatures.size > 50_000) signatures.clear();
    signatures.set(personId, svg);
  }
  void g;
  return svg;
}

/** Photographs of a course's views at one moment. */
export function photos(g: Gen, p: PatientRec, o: { courseId: string; sessionId?: string; views: PhotoView[]; phase: 'baseline' | 'during-course' | 'follow-up'; atMs: number; by: string }): void {
  const r = g.rng;
  if (o.atMs >= g.nowMs) return;
  for (const [i, view] of o.views.entries()) {
    const at = o.atMs + i * MINUTE;
    const id = r.uuid7(at + MINUTE);
    const portrait = r.chance(0.8);
    g.t.photos.add([
      id,
      g.clinic.id,
      p.id,
      o.courseId,
      o.sessionId ?? null,
      view,
      o.phase,
      iso(at),
      r.hex(64),
      'image/jpeg',
      r.int(1_800_000, 5_200_000),
      r.hex(64),
      r.hex(64),
      r.hex(64),
      portrait ? 3024 : 4032,
      portrait ? 4032 : 3024,
      null,
      o.by,
      iso(at + MINUTE),
    ]);
    audit(g, at + MINUTE, { id: o.by, role: 'doctor' }, 'photo.upload', 'photo', id, { patientId: p.id, courseId: o.courseId, view, phase: o.phase });
  }
}

/** The doctor's reason to start a course without baseline photographs. */
export function waiver(g: Gen, courseId: string, doctor: string, atMs: number): void {
  const reason = g.clinic.language === 'en' ? 'Baseline photographs kept in the paper chart of the first visit' : 'Исходные фотографии в бумажной карте первичного приёма';
  g.t.waivers.add([g.rng.uuid7(atMs), g.clinic.id, courseId, reason, doctor, iso(atMs)]);
}

/** The patient's consent to the use of her photographs (clinical record only, or teaching too). */
export function photoUseConsent(g: Gen, p: PatientRec, doctor: string, atMs: number): void {
  const r = g.rng;
  const lang = g.clinic.language;
  const use = r.chance(0.25) ? 'teaching' : 'clinical';
  const id = r.uuid7(atMs - 5 * MINUTE);
  const typed = [p.name.familyName, p.name.givenName, p.name.patronymic].filter(Boolean).join(' ');
  const text =
    lang === 'en'
      ? `I, ${typed}, agree that photographs of me are taken and kept in my medical record${use === 'teaching' ? ', and used without my name for teaching and the clinic\u2019s publications' : ''}.`
      : `Я, ${typed}, согласна на фотографирование и хранение фотографий в медицинской карте${use === 'teaching' ? ', а также на их использование без указания имени в обучении и публикациях клиники' : ''}.`;
  const signature = signatureOf(g, p.id);
  const doctorSignature = signatureOf(g, doctor);
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  const hash = crypto
    .createHash('sha256')
    .update(
      consentCanonicalForm({
        consentId: id,
        kind: 'photo-use',
        language: lang,
        patientId: p.id,
        courseId: null,
        productCodes: [],
        sessions: null,
        photoUse: use,
        text,
        signedAt: new Date(atMs),
        typedName: typed,
        patientSignatureSha256: sha(signature),
        doctorSignatureSha256: sha(doctorSignature),
        countersignedBy: doctor,
      }),
    )
    .digest('hex');
  g.t.consents.add([id, g.clinic.id, p.id, null, 'photo-use', lang, 'signed', text, [], null, use, hash, signature, 'svg', typed, iso(atMs), doctor, doctorSignature, 'svg', iso(atMs), iso(atMs - 5 * MINUTE), doctor]);
}
