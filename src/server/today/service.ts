// The clinic's day list: what needs doing or fixing today — the kit (incomplete, expired,
// expiring), lots expired in stock or expiring, suspected outbreaks and recalls not yet
// acknowledged, sessions of earlier days left unsigned, overdue follow-ups. Reception sees the
// follow-up counts only: no patient's clinical facts.
import type { Today, TodayAlert, TodayAlertKind } from '../../domain/api/today.ts';
import { can } from '../../domain/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { alertsRepository } from '../alerts/repository.ts';
import { clinicalAudit } from '../clinical/audit.ts';
import { clinicToday, ESSENTIAL_KIT_KINDS, loadClinicFacts } from '../clinical/clinic.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { kitStateIn } from '../emergency-kit/service.ts';
import { followUpsRepository } from '../follow-ups/repository.ts';
import { loadSafetySettings } from '../safety-settings/service.ts';
import { todayMessage } from './messages.ts';

const order = { critical: 0, warning: 1, info: 2 } as const;

async function endOfToday(q: Queryable, timeZone: string): Promise<Date> {
  const r = await q.query<{ end: Date }>('SELECT ((((now() AT TIME ZONE $1)::date + 1)::timestamp) AT TIME ZONE $1) AS end', [timeZone]);
  return r.rows[0]?.end ?? new Date();
}

async function lotAlerts(q: Queryable, clinicId: string, withinDays: number, add: (kind: TodayAlertKind, severity: TodayAlert['severity'], facts: Record<string, unknown>) => void): Promise<void> {
  const r = await q.query<{ id: string; lot_number: string; code: string; name: string; name_ru: string | null; expires_on: string; left_days: number; on_hand: number }>(
    `SELECT l.id, l.lot_number, p.code, p.name, p.name_ru, l.expires_on, (l.expires_on - (now() AT TIME ZONE c.time_zone)::date) AS left_days, l.quantity_on_hand_ml AS on_hand
     FROM lots l JOIN products p ON p.clinic_id = l.clinic_id AND p.id = l.product_id JOIN clinics c ON c.id = l.clinic_id
     WHERE l.clinic_id = $1 AND l.recalled_at IS NULL AND l.quantity_on_hand_ml > 0 AND l.expires_on <= (now() AT TIME ZONE c.time_zone)::date + $2::int
     ORDER BY l.expires_on, l.lot_number`,
    [clinicId, withinDays],
  );
  const lot = (x: (typeof r.rows)[number]) => ({
    lotId: x.id,
    lotNumber: `${x.code} ${x.lot_number}`,
    lot: x.lot_number,
    productName: x.name,
    productNameRu: x.name_ru,
    expiresOn: x.expires_on,
    onHandMl: Number(x.on_hand),
  });
  const expired = r.rows.filter((x) => x.left_days < 0).map(lot);
  const expiring = r.rows.filter((x) => x.left_days >= 0).map(lot);
  if (expired.length > 0) add('lot-expired-in-stock', 'warning', { count: expired.length, lots: expired });
  if (expiring.length > 0) add('lot-expiring', 'info', { count: expiring.length, lots: expiring, withinDays });
}

/** Today's list for the caller's role. */
export async function today(ctx: ServiceContext): Promise<Today> {
  const clinicId = ctx.actor.clinicId;
  const clinical = can(ctx.actor.role, 'clinical.read');
  return ctx.db.tx({ clinicId }, async (q) => {
    const clinic = await loadClinicFacts(q, clinicId);
    const settings = await loadSafetySettings(q, clinicId);
    const now = new Date();
    const follow = await followUpsRepository.counts(q, clinicId, now, await endOfToday(q, clinic.timeZone));
    const alerts: TodayAlert[] = [];
    const add = (kind: TodayAlertKind, severity: TodayAlert['severity'], facts: Record<string, unknown>) => alerts.push({ kind, severity, message: todayMessage(kind, facts, ctx.actor.language), facts });
    if (follow.overdue > 0) add('overdue-follow-ups', 'warning', { count: follow.overdue, dueToday: follow.dueToday });
    if (!clinical) {
      return { date: clinicToday(clinic, now), timeZone: clinic.timeZone, alerts, counts: { overdueFollowUps: follow.overdue, followUpsDueToday: follow.dueToday, unsignedSessions: null, openAlerts: null }, kitReady: null };
    }

    const kit = await kitStateIn(q, clinicId);
    if (!kit.state.complete) add('kit-incomplete', 'critical', { missing: kit.state.missing });
    const counted = new Set<string>(ESSENTIAL_KIT_KINDS);
    for (const item of kit.items) {
      const blocking = item.required || counted.has(item.kind);
      if (item.state === 'expired') add('kit-item-expired', blocking ? 'critical' : 'warning', { itemId: item.id, name: item.name, kind: item.kind, expiresOn: item.expiresOn, blocking });
      else if (item.state === 'expiring') add('kit-item-expiring', 'warning', { itemId: item.id, name: item.name, kind: item.kind, expiresOn: item.expiresOn, expiresInDays: item.expiresInDays });
    }
    await lotAlerts(q, clinicId, settings.lotExpiryWarningDays, add);

    const open = await alertsRepository.openSummary(q, clinicId);
    for (const a of open) {
      if (a.kind === 'suspected-atypical-infection') {
        add('suspected-outbreak', 'critical', {
          alertId: a.id,
          adverseEventId: a.adverse_event_id,
          patientId: a.patient_id,
          type: a.ae_type,
          daysAfterSession: a.details.daysAfterSession,
          lots: a.details.lots,
          otherPatients: a.details.otherPatientsWhenRaised,
        });
      } else add('lot-recall', 'warning', { alertId: a.id, lotId: a.lot_ids[0] ?? null, lotNumber: a.details.lotNumber, patients: a.details.patients, reason: a.details.reason });
    }

    const unsigned = await q.query<{ id: string; patient_id: string; session_date: string; practitioner_id: string; family_name: string; given_name: string }>(
      `SELECT s.id, s.patient_id, s.session_date, s.practitioner_id, p.family_name, p.given_name FROM sessions s JOIN patients p ON p.clinic_id = s.clinic_id AND p.id = s.patient_id
       WHERE s.clinic_id = $1 AND s.signed_at IS NULL AND s.session_date < $2 ORDER BY s.session_date, s.id`,
      [clinicId, kit.today],
    );
    if (unsigned.rows.length > 0) {
      add('unsigned-sessions', 'warning', {
        count: unsigned.rows.length,
        sessions: unsigned.rows.slice(0, 50).map((s) => ({ sessionId: s.id, patientId: s.patient_id, patientName: `${s.family_name} ${s.given_name}`, sessionDate: s.session_date, practitionerId: s.practitioner_id })),
      });
    }
    alerts.sort((a, b) => order[a.severity] - order[b.severity]);
    await appendAudit(q, clinicalAudit(ctx.actor, 'today.read', 'clinic', clinicId, { alerts: alerts.length }));
    return {
      date: kit.today,
      timeZone: clinic.timeZone,
      alerts,
      counts: { overdueFollowUps: follow.overdue, followUpsDueToday: follow.dueToday, unsignedSessions: unsigned.rows.length, openAlerts: open.length },
      kitReady: kit.state.ready,
    };
  });
}
