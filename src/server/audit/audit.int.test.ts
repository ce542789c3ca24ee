import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { appendAudit, sealAudit, verifyAudit } from './audit.ts';

const t = await setupTestApp();

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit events', async () => {
    const c = await t.clinic();
    await t.db.tx({ clinicId: c.id }, (q) => appendAudit(q, { clinicId: c.id, action: 'test', outcome: 'success' }));
    await expect(t.db.tx({ clinicId: c.id }, (q) => q.query("UPDATE audit_events SET action = 'x'"))).rejects.toThrow(/append-only/);
    await expect(t.db.tx({ clinicId: c.id }, (q) => q.query('DELETE FROM audit_events'))).rejects.toThrow(/append-only/);
    await expect(t.db.tx({ system: true }, (q) => q.query('TRUNCATE audit_events'))).rejects.toThrow(/append-only/);
  });

  it('rolls the audit event back with the access it records', async () => {
    const c = await t.clinic();
    await expect(
      t.db.tx({ clinicId: c.id }, async (q) => {
        await appendAudit(q, { clinicId: c.id, action: 'doomed', outcome: 'success' });
        throw new Error('the access failed');
      }),
    ).rejects.toThrow('the access failed');
    const n = await t.db.tx({ clinicId: c.id }, (q) => q.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'doomed'"));
    expect(n.rows[0]).toEqual({ n: 0 });
  });

  it('records reads of patient data with who, what, which record, when and from where', async () => {
    const c = await t.clinic();
    const created = await c.nurse.call({ method: 'POST', url: '/api/v1/patients', payload: { givenName: 'Audit', familyName: 'Trail', birthDate: '1970-05-05', sex: 'female' } });
    const id = created.json<{ id: string }>().id;
    await c.reception.call({ method: 'GET', url: `/api/v1/patients/${id}` });
    const log = await c.owner.call({ method: 'GET', url: `/api/v1/audit-events?recordType=patient&recordId=${id}` });
    const events = log.json<{ items: { action: string; actorUserId: string; actorRole: string; ip: string; outcome: string; at: string }[] }>().items;
    expect(events.map((e) => [e.action, e.actorRole, e.outcome])).toEqual([
      ['patient.read', 'reception', 'success'],
      ['patient.create', 'nurse', 'success'],
    ]);
    expect(events[0]?.ip).toBe('127.0.0.1');
  });

  it('chains events per clinic so that the chain verifies, and names the first altered event', async () => {
    const c = await t.clinic();
    for (let i = 0; i < 5; i++) await c.doctor.call({ method: 'POST', url: '/api/v1/patients', payload: { givenName: `P${i}`, familyName: 'Chain', birthDate: '1990-01-01', sex: 'female' } });
    await sealAudit(t.db);
    const before = await verifyAudit(t.db);
    expect(before.ok).toBe(true);
    expect(before.events).toBeGreaterThan(5);

    // Someone with direct database access edits an event after the fact.
    const victim = await t.db.tx({ clinicId: c.id }, (q) =>
      q.query<{ id: string }>("SELECT id FROM audit_events WHERE action = 'patient.create' ORDER BY id LIMIT 1 OFFSET 2"),
    );
    const victimId = victim.rows[0]!.id;
    await t.db.tx({ system: true }, async (q) => {
      await q.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await q.query("UPDATE audit_events SET actor_role = 'owner' WHERE id = $1", [victimId]);
      await q.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    });
    const after = await verifyAudit(t.db);
    expect(after.ok).toBe(false);
    expect(after.breaks).toEqual([expect.objectContaining({ clinicId: c.id, eventId: victimId, reason: expect.stringMatching(/altered/) })]);
  });

  it('seals an event whose transaction commits after newer events were sealed, exactly once', async () => {
    const c = await t.clinic();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const inside = new Promise<void>((resolve) => (appended = resolve));
    // The older event's transaction stays open while a newer event commits and is sealed.
    const slow = t.db.tx({ clinicId: c.id }, async (q) => {
      await appendAudit(q, { clinicId: c.id, action: 'late.commit', outcome: 'success' });
      appended();
      await held;
    });
    await inside;
    await t.db.tx({ clinicId: c.id }, (q) => appendAudit(q, { clinicId: c.id, action: 'early.commit', outcome: 'success' }));
    await sealAudit(t.db);
    release();
    await slow;
    await sealAudit(t.db);
    expect(await sealAudit(t.db)).toBe(0);
    const sealed = await t.db.tx({ system: true }, (q) =>
      q.query<{ action: string; seals: number }>(
        `SELECT e.action, count(s.event_id)::int AS seals FROM audit_events e LEFT JOIN audit_seals s ON s.event_id = e.id
         WHERE e.clinic_id = $1 AND e.action IN ('late.commit', 'early.commit') GROUP BY e.action ORDER BY e.action`,
        [c.id],
      ),
    );
    expect(sealed.rows).toEqual([
      { action: 'early.commit', seals: 1 },
      { action: 'late.commit', seals: 1 },
    ]);
    // (Another test of this file alters an event of its own clinic on purpose.)
    expect((await verifyAudit(t.db)).breaks.filter((b) => b.clinicId === c.id)).toEqual([]);
  });

  it('detects a removed event', async () => {
    const t2 = await setupTestApp();
    const c = await t2.clinic();
    await c.doctor.call({ method: 'GET', url: '/api/v1/patients' });
    await sealAudit(t2.db);
    await t2.db.tx({ system: true }, async (q) => {
      await q.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await q.query("DELETE FROM audit_events WHERE id = (SELECT id FROM audit_events WHERE clinic_id = $1 AND action = 'patient.search' LIMIT 1)", [c.id]);
      await q.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    });
    const result = await verifyAudit(t2.db);
    expect(result.breaks).toEqual([expect.objectContaining({ clinicId: c.id, reason: 'the event was removed' })]);
  });
});
