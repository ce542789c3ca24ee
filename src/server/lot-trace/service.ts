// Tracing and recalling lots: who received a lot (with contact details), recalling it — the lot
// becomes unusable for the safety engine (`lot-recalled`), an alert lists the patients to contact
// — and the contact list as CSV for the phone calls.
import type { z } from 'zod';
import { toCsv } from '../../domain/csv.ts';
import type { recallAnswer, recipientsAnswer } from '../../domain/api/lot-trace.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { recallAlertIn } from '../alerts/service.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { distinctPatients, lotTraceRepository, type TracedLot } from './repository.ts';

/** 404 naming the lot asked for, as the path gave it. */
function lotNotFound(id: string): Problem {
  return new Problem(404, 'not-found', 'Not found', `Lot ${id} not found`, [{ path: 'params.id', message: `no lot ${id} in this clinic` }]);
}

async function requireLot(q: Queryable, clinicId: string, id: string, lock = false): Promise<TracedLot> {
  const lot = (await lotTraceRepository.lots(q, clinicId, [id], lock)).get(id);
  if (!lot) throw lotNotFound(id);
  return lot;
}

/** Every patient and session that received the lot, as performed. */
export async function lotRecipients(ctx: ServiceContext, id: string): Promise<z.infer<typeof recipientsAnswer>> {
  return clinicalTx(ctx, 'lot.recipients', 'lot', id, async (q) => {
    const lot = await requireLot(q, ctx.actor.clinicId, id);
    const items = await lotTraceRepository.recipients(q, ctx.actor.clinicId, [id]);
    await appendAudit(q, clinicalAudit(ctx.actor, 'lot.recipients', 'lot', id, { patients: [...new Set(items.map((i) => i.patient.id))] }));
    return { lot, patients: distinctPatients(items), items, nextCursor: null };
  });
}

/** Recalls a lot: unusable from now on, with an alert listing its recipients to contact. */
export async function recallLot(ctx: ServiceContext, id: string, reason: string): Promise<z.infer<typeof recallAnswer>> {
  return clinicalTx(ctx, 'lot.recall', 'lot', id, (q) => recallLotIn(q, ctx, id, reason));
}

/**
 * The recall itself, in the caller's transaction: every door that recalls a lot (this route, the
 * catalog's lot edit) goes through here, so a recall always names who made it and raises its alert.
 */
export async function recallLotIn(q: Queryable, ctx: ServiceContext, id: string, reason: string): Promise<z.infer<typeof recallAnswer>> {
  const clinicId = ctx.actor.clinicId;
  const before = await requireLot(q, clinicId, id, true);
  if (before.recalled) throw Problem.conflict(`Lot ${before.lotNumber} was recalled already on ${before.recalledAt?.toISOString() ?? ''}: ${before.recallReason ?? ''}`);
  await lotTraceRepository.recall(q, clinicId, id, reason, ctx.actor.userId);
  const items = await lotTraceRepository.recipients(q, clinicId, [id]);
  const patients = distinctPatients(items);
  const alertId = await recallAlertIn(q, clinicId, ctx.actor.userId, id, {
    reason,
    lotNumber: before.lotNumber,
    productCode: before.productCode,
    quantityOnHandMl: before.quantityOnHandMl,
    patients,
    sessions: items.length,
  });
  await appendAudit(q, clinicalAudit(ctx.actor, 'lot.recall', 'lot', id, { reason, alertId, patients: [...new Set(items.map((i) => i.patient.id))] }));
  return { lot: await requireLot(q, clinicId, id), alertId, patients, items };
}

const headers: Record<Lang, string[]> = {
  en: ['Family name', 'Given name', 'Patronymic', 'Birth date', 'Phone', 'Email', 'Language', 'Product', 'Lot', 'Sessions (dates)', 'Volume received, ml', 'Adverse events', 'Recall reason'],
  ru: ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Телефон', 'Эл. почта', 'Язык', 'Препарат', 'Серия', 'Сеансы (даты)', 'Получено, мл', 'Нежелательные явления', 'Причина отзыва'],
};

/** The lot's recipients to contact, one row per patient, as CSV (UTF-8 with BOM, for Excel). */
export async function recallContactsCsv(ctx: ServiceContext, id: string, lang: Lang | undefined): Promise<{ csv: string; fileName: string }> {
  const language = lang ?? ctx.actor.language;
  return clinicalTx(ctx, 'lot.recall-contacts', 'lot', id, async (q) => {
    const lot = await requireLot(q, ctx.actor.clinicId, id);
    const items = await lotTraceRepository.recipients(q, ctx.actor.clinicId, [id]);
    const byPatient = new Map<string, typeof items>();
    for (const i of items) byPatient.set(i.patient.id, [...(byPatient.get(i.patient.id) ?? []), i]);
    const rows = [...byPatient.values()].map((sessions) => {
      const p = (sessions[0] as (typeof items)[number]).patient;
      const events = sessions.flatMap((s) => s.adverseEvents.map((e) => `${e.type} (${e.grade}, ${e.status})`));
      return [
        p.familyName,
        p.givenName,
        p.patronymic,
        p.birthDate,
        p.phone,
        p.email,
        p.preferredLanguage,
        `${lot.productName} (${lot.productCode})`,
        lot.lotNumber,
        sessions.map((s) => s.sessionDate).join('; '),
        Math.round(sessions.reduce((sum, s) => sum + s.volumeMl * 100, 0)) / 100,
        events.join('; '),
        lot.recallReason,
      ];
    });
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0]), language) || String(a[1]).localeCompare(String(b[1]), language));
    await appendAudit(q, clinicalAudit(ctx.actor, 'lot.recall-contacts', 'lot', id, { patients: [...byPatient.keys()] }));
    const safeLot = lot.lotNumber.replace(/[^A-Za-z0-9._-]/g, '_');
    return { csv: toCsv(headers[language], rows), fileName: `recall-contacts-${lot.productCode}-${safeLot}.csv` };
  });
}
