// The demo clinic's adverse-event record: a small bruise after Pavlova's first session, reviewed
// and resolved (so her chart shows no open event, and the event screen shows a whole history), and
// a check of the anti-shock kit by the nurse two days ago. Recorded through the same services as
// the API. Runs after the clinical record's demo step (it uses its sessions and kit).
import { uuidv7 } from 'uuidv7';
import type { Role } from '../../domain/permissions.ts';
import type { Actor } from '../context.ts';
import type { DemoStep } from '../db/demo.ts';
import { changeStatusIn } from './changes.ts';
import { recordAdverseEventIn, requireEvent } from './service.ts';

const actor = (clinicId: string, userId: string, role: Role): Actor => ({ userId, clinicId, role, email: `${role}@demo.mesochart.app`, language: 'en', via: 'session', ip: '127.0.0.1' });

/** The demo step of adverse events and emergency readiness. */
export const adverseEventDemoStep: DemoStep = async (q, clinicId, users) => {
  await q.query("SELECT set_config('app.clinic_id', $1, true)", [clinicId]);
  const first = (
    await q.query<{ id: string; performed_at: Date }>(
      "SELECT s.id, s.performed_at FROM sessions s JOIN patients p ON p.clinic_id = s.clinic_id AND p.id = s.patient_id WHERE s.clinic_id = $1 AND p.family_name = 'Павлова' ORDER BY s.performed_at LIMIT 1",
      [clinicId],
    )
  ).rows[0];
  if (first) {
    const nurse = actor(clinicId, users.nurse, 'nurse');
    const at = (h: number) => new Date(first.performed_at.getTime() + h * 3_600_000).toISOString();
    const event = await recordAdverseEventIn(q, { kind: 'clinician', actor: nurse }, {
      sessionId: first.id,
      type: 'bruising',
      grade: 1,
      onset: at(5),
      description: 'Синяк 1 см под левым глазом, безболезненный',
      area: 'face',
      treatments: [{ drug: 'Гель с гепарином', dose: 'тонкий слой 2 раза в день', route: 'topical', at: at(6) }],
    });
    await changeStatusIn(q, actor(clinicId, users.doctor, 'doctor'), await requireEvent(q, clinicId, event.id), { to: 'resolved', outcome: 'recovered', at: new Date(Date.parse(at(96))), note: 'Gone at the 4-day call' });
  }
  const items = (await q.query<{ id: string; name: string; kind: string; required: boolean; lot: string | null; expires_on: string | null }>('SELECT id, name, kind, required, lot, expires_on FROM emergency_kit_items WHERE clinic_id = $1 ORDER BY position, created_at', [clinicId])).rows;
  if (items.length > 0) {
    await q.query("INSERT INTO emergency_kit_checks (id, clinic_id, checked_by, checked_at, items, ready, notes) VALUES ($1, $2, $3, now() - interval '2 days', $4, true, 'Monthly check: all present, seals intact')", [
      uuidv7(),
      clinicId,
      users.nurse,
      JSON.stringify(items.map((i) => ({ itemId: i.id, name: i.name, kind: i.kind, required: i.required, present: true, lot: i.lot, expiresOn: i.expires_on, state: 'ok', note: null }))),
    ]);
  }
};
