// Alerts: raised by the outbreak check (an adverse event that may be an atypical mycobacterial
// infection) and by a lot recall; read with the other recipients of their lots as they are now;
// acknowledged by clinical staff.
import { uuidv7 } from 'uuidv7';
import type { Alert } from '../../domain/api/lot-trace.ts';
import type { AdverseEvent } from '../../domain/api/adverse-events.ts';
import { daysAfter, suspectsAtypicalInfection } from '../../domain/adverse-events/outbreak.ts';
import type { SafetySettings } from '../../domain/adverse-events/settings.ts';
import { alertKinds } from '../../domain/adverse-events/vocabulary.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { fieldInvalid } from '../clinical/problems.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { distinctPatients, lotTraceRepository } from '../lot-trace/repository.ts';
import { alertsRepository, type AlertRow } from './repository.ts';

/** Alerts as answered, their recipients read now: a few queries for the whole page. */
async function toAlerts(q: Queryable, clinicId: string, rows: AlertRow[]): Promise<Alert[]> {
  const lotIds = [...new Set(rows.flatMap((r) => r.lot_ids))];
  const lots = await lotTraceRepository.lots(q, clinicId, lotIds);
  const everyone = await lotTraceRepository.recipients(q, clinicId, lotIds);
  return rows.map((r) => {
    const mine = new Set(r.lot_ids);
    const recipients = everyone.filter((x) => mine.has(x.lotId) && x.sessionId !== r.ae_session_id);
    return {
      id: r.id,
      kind: r.kind,
      severity: r.severity,
      status: r.status,
      title: { en: alertKinds.entries[r.kind].en, ru: alertKinds.entries[r.kind].ru },
      adverseEvent:
        r.adverse_event_id !== null && r.ae_type !== null && r.ae_onset !== null && r.ae_session_id !== null
          ? {
              id: r.adverse_event_id,
              type: r.ae_type,
              grade: r.ae_grade ?? 0,
              onset: r.ae_onset,
              sessionId: r.ae_session_id,
              daysAfterSession: r.session_performed_at ? daysAfter(r.session_performed_at, r.ae_onset) : 0,
            }
          : null,
      patientId: r.patient_id,
      lots: r.lot_ids.map((id) => lots.get(id)).filter((l) => l !== undefined),
      recipients,
      otherPatients: distinctPatients(recipients, r.patient_id),
      details: r.details,
      createdAt: r.created_at,
      createdBy: r.created_by,
      acknowledgedAt: r.acknowledged_at,
      acknowledgedBy: r.acknowledged_by,
      acknowledgement: r.acknowledgement,
    };
  });
}

/**
 * The outbreak check of an event, in its transaction: a nodule, abscess or non-healing lesion
 * 1–12 weeks after its session raises one alert listing its lots. Returns the alert's id when
 * raised now.
 */
export async function outbreakCheckIn(q: Queryable, clinicId: string, by: string | null, event: AdverseEvent, settings: SafetySettings): Promise<string | null> {
  const window = { fromDays: settings.atypicalInfectionFromDays, toDays: settings.atypicalInfectionToDays };
  if (!suspectsAtypicalInfection(event.type, event.session.performedAt, event.onset, window)) return null;
  const lotIds = event.lots.map((l) => l.lotId);
  const others = await lotTraceRepository.recipients(q, clinicId, lotIds, event.sessionId);
  const id = uuidv7();
  const raised = await alertsRepository.insert(q, {
    id,
    clinicId,
    kind: 'suspected-atypical-infection',
    severity: 'critical',
    adverseEventId: event.id,
    patientId: event.patientId,
    createdBy: by,
    lotIds,
    details: {
      type: event.type,
      daysAfterSession: event.daysAfterSession,
      lots: event.lots.map((l) => ({ lotId: l.lotId, lotNumber: l.lotNumber, productCode: l.productCode })),
      window,
      // Who else had been given the lots when the alert was raised; the answer lists them as they are now.
      recipientsWhenRaised: others.map((r) => ({ patientId: r.patient.id, sessionId: r.sessionId, lotId: r.lotId })),
      otherPatientsWhenRaised: distinctPatients(others, event.patientId),
    },
  });
  return raised ? id : null;
}

/** Raises the alert of a recalled lot, listing the patients to contact. */
export async function recallAlertIn(q: Queryable, clinicId: string, by: string, lotId: string, details: Record<string, unknown>): Promise<string> {
  const id = uuidv7();
  await alertsRepository.insert(q, { id, clinicId, kind: 'lot-recall', severity: 'warning', adverseEventId: null, patientId: null, createdBy: by, lotIds: [lotId], details });
  return id;
}

/** Lists the clinic's alerts, open first, newest first. */
export async function listAlerts(
  ctx: ServiceContext,
  f: { status?: 'open' | 'acknowledged' | undefined; kind?: string | undefined; adverseEventId?: string | undefined; lotId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const offset = f.cursor === undefined ? 0 : Number(f.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw fieldInvalid('querystring.cursor', 'is not valid');
  return clinicalTx(ctx, 'alert.list', 'alert', null, async (q) => {
    const rows = await alertsRepository.list(q, ctx.actor.clinicId, f, { limit: f.limit + 1, offset });
    const items = await toAlerts(q, ctx.actor.clinicId, rows.slice(0, f.limit));
    await appendAudit(q, clinicalAudit(ctx.actor, 'alert.list', 'alert', null, { alerts: items.map((a) => a.id) }));
    return { items, nextCursor: rows.length > f.limit ? String(offset + f.limit) : null };
  });
}

/** Reads one alert with its recipients. */
export async function getAlert(ctx: ServiceContext, id: string): Promise<Alert> {
  return clinicalTx(ctx, 'alert.read', 'alert', id, async (q) => {
    const [row] = await alertsRepository.list(q, ctx.actor.clinicId, { ids: [id] }, { limit: 1, offset: 0 });
    if (!row) throw Problem.notFound('Alert');
    const [alert] = await toAlerts(q, ctx.actor.clinicId, [row]);
    await appendAudit(q, clinicalAudit(ctx.actor, 'alert.read', 'alert', id, { patientId: row.patient_id }));
    return alert as Alert;
  });
}

/** Acknowledges an open alert: someone has seen it and says what was done. */
export async function acknowledgeAlert(ctx: ServiceContext, id: string, note: string | undefined): Promise<Alert> {
  return clinicalTx(ctx, 'alert.acknowledge', 'alert', id, async (q) => {
    const found = await alertsRepository.exists(q, ctx.actor.clinicId, id);
    if (!found) throw Problem.notFound('Alert');
    if (found.status !== 'open') throw Problem.conflict('The alert is already acknowledged');
    await alertsRepository.acknowledge(q, ctx.actor.clinicId, id, ctx.actor.userId, note ?? null);
    await appendAudit(q, clinicalAudit(ctx.actor, 'alert.acknowledge', 'alert', id, { note: note ?? null }));
    const [row] = await alertsRepository.list(q, ctx.actor.clinicId, { ids: [id] }, { limit: 1, offset: 0 });
    const [alert] = await toAlerts(q, ctx.actor.clinicId, row ? [row] : []);
    return alert as Alert;
  });
}
