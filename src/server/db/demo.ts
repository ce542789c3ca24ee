import type { Role } from '../../domain/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { hashPassword } from '../auth/secrets.ts';
import type { Database, Queryable } from './database.ts';
import { uuidv7 } from 'uuidv7';
import { ensureClinic } from '../users/service.ts';
import { patientsRepository } from '../patients/repository.ts';
import { catalogDemoStep } from '../catalog/demo.ts';
import { consentDemoStep } from '../consents/demo.ts';
import { clinicalDemoStep } from '../clinical/demo.ts';
import { adverseEventDemoStep } from '../adverse-events/demo.ts';

export const demoClinicName = 'Demo Clinic';
export const demoPassword = 'mesochart-demo';

/** The demo logins, one per role, printed at start. */
export const demoUsers: { email: string; role: Role; displayName: string; language: 'en' | 'ru' }[] = [
  { email: 'owner@demo.mesochart.app', role: 'owner', displayName: 'Olga Sokolova', language: 'en' },
  { email: 'doctor@demo.mesochart.app', role: 'doctor', displayName: 'Dr. Anna Petrova', language: 'en' },
  { email: 'nurse@demo.mesochart.app', role: 'nurse', displayName: 'Marina Volkova', language: 'en' },
  { email: 'reception@demo.mesochart.app', role: 'reception', displayName: 'Irina Kuznetsova', language: 'en' },
];

/** A step that fills one capability's demo data for the demo clinic. */
export type DemoStep = (q: Queryable, clinicId: string, users: Record<Role, string>) => Promise<void>;

const demoPatients = [
  { givenName: 'Елена', familyName: 'Иванова', patronymic: 'Сергеевна', birthDate: '1985-04-02', sex: 'female' as const, phone: '+7 916 555-01-02', preferredLanguage: 'ru' as const },
  { givenName: 'Maria', familyName: 'Smirnova', birthDate: '1990-09-15', sex: 'female' as const, phone: '+7 903 555-22-33', email: 'maria.smirnova@example.com', preferredLanguage: 'en' as const },
  { givenName: 'Ольга', familyName: 'Кузнецова', patronymic: 'Игоревна', birthDate: '1978-12-30', sex: 'female' as const, phone: '+7 926 555-44-55', preferredLanguage: 'ru' as const },
  { givenName: 'Дмитрий', familyName: 'Орлов', birthDate: '1982-06-11', sex: 'male' as const, phone: '+7 915 555-66-77', preferredLanguage: 'ru' as const },
];

const platformStep: DemoStep = async (q, clinicId, users) => {
  for (const p of demoPatients) await patientsRepository.insert(q, uuidv7(), clinicId, p, users.doctor);
};

/** Demo steps of each capability, in order. */
export const demoSteps: DemoStep[] = [platformStep, catalogDemoStep, consentDemoStep, clinicalDemoStep, adverseEventDemoStep];

/**
 * Seeds the demo clinic once: its users (one per role), and each capability's demo data.
 * Does nothing when the demo clinic exists. Returns whether it seeded.
 */
export async function seedDemo(db: Database): Promise<boolean> {
  const hash = await hashPassword(demoPassword);
  return db.tx({ system: true }, async (q) => {
    const clinic = await ensureClinic(q, demoClinicName, { language: 'en' });
    if (!clinic.created) return false;
    const ids = {} as Record<Role, string>;
    for (const u of demoUsers) {
      const id = uuidv7();
      ids[u.role] = id;
      await q.query('INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, language) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        id,
        clinic.id,
        u.email,
        u.displayName,
        u.role,
        hash,
        u.language,
      ]);
    }
    for (const step of demoSteps) await step(q, clinic.id, ids);
    await appendAudit(q, { clinicId: clinic.id, action: 'demo.seed', outcome: 'success' });
    return true;
  });
}
