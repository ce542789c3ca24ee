// The clinic's anti-shock kit (CLINICAL_RULES §5): items with lot and expiry, edited by clinical
// staff; its state today — read through the same function the sessions feed the safety engine's
// emergency-kit rule with, so the screen and the engine never disagree; and the checks.
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { KitCheckBody, KitItem, KitItemPatch, NewKitItem, kitAnswer, kitCheckSchema, kitStateSchema } from '../../domain/api/emergency-kit.ts';
import { daysUntil, kitItemState } from '../../domain/adverse-events/readiness.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit } from '../clinical/audit.ts';
import { clinicToday, emergencyKit, ESSENTIAL_KIT_KINDS, loadClinicFacts } from '../clinical/clinic.ts';
import { fieldInvalid } from '../clinical/problems.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { loadSafetySettings } from '../safety-settings/service.ts';
import { kitRepository, type CheckRow, type ItemFields, type ItemRow } from './repository.ts';

type KitState = z.infer<typeof kitStateSchema>;
type KitCheck = z.infer<typeof kitCheckSchema>;

function toItem(r: ItemRow, today: string, warningDays: number): KitItem {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    required: r.required,
    present: r.present,
    lot: r.lot,
    expiresOn: r.expires_on,
    quantity: r.quantity,
    notes: r.notes,
    position: r.position,
    state: kitItemState({ present: r.present, expiresOn: r.expires_on }, today, warningDays),
    expiresInDays: r.expires_on === null ? null : daysUntil(today, r.expires_on),
    lastCheckedAt: r.last_checked_at,
    lastCheckedBy: r.last_checked_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toCheck = (c: CheckRow): KitCheck => ({ id: c.id, checkedAt: c.checked_at, checkedBy: c.checked_by, ready: c.ready, notes: c.notes, items: c.items });

/** The kit today: its items and whether sessions may proceed, as the engine will judge it. */
export async function kitStateIn(q: Queryable, clinicId: string): Promise<{ state: KitState; items: KitItem[]; today: string }> {
  const today = clinicToday(await loadClinicFacts(q, clinicId));
  const { kitExpiryWarningDays } = await loadSafetySettings(q, clinicId);
  const items = (await kitRepository.items(q, clinicId)).map((r) => toItem(r, today, kitExpiryWarningDays));
  const engine = await emergencyKit(q, clinicId);
  const present = new Set(items.filter((i) => i.present).map((i) => i.kind));
  const missing = [
    ...items.filter((i) => i.required && !i.present).map((i) => ({ id: i.id, name: i.name, kind: i.kind })),
    ...ESSENTIAL_KIT_KINDS.filter((k) => !present.has(k) && !items.some((i) => i.kind === k && i.required && !i.present)).map((k) => ({ id: null, name: k, kind: k })),
  ];
  const state: KitState = {
    ready: engine.complete && (engine.expires === undefined || engine.expires >= today),
    complete: engine.complete,
    expires: engine.expires ?? null,
    missing,
    expired: items.filter((i) => i.state === 'expired').map((i) => ({ id: i.id, name: i.name, expiresOn: i.expiresOn as string })),
    expiring: items.filter((i) => i.state === 'expiring').map((i) => ({ id: i.id, name: i.name, expiresOn: i.expiresOn as string, expiresInDays: i.expiresInDays ?? 0 })),
    warningDays: kitExpiryWarningDays,
  };
  return { state, items, today };
}

/** The kit, its state and its last check. */
export async function getKit(ctx: ServiceContext): Promise<z.infer<typeof kitAnswer>> {
  return ctx.db.tx(
    { clinicId: ctx.actor.clinicId },
    async (q) => {
      const { state, items } = await kitStateIn(q, ctx.actor.clinicId);
      const [last] = await kitRepository.checks(q, ctx.actor.clinicId, 1, 0);
      return { state, items, lastCheck: last ? toCheck(last) : null };
    },
    { readOnly: true },
  );
}

async function itemAnswer(q: Queryable, clinicId: string, id: string): Promise<KitItem> {
  const { items } = await kitStateIn(q, clinicId);
  const item = items.find((i) => i.id === id);
  if (!item) throw Problem.notFound('Kit item');
  return item;
}

/** Adds an item to the kit. */
export async function addKitItem(ctx: ServiceContext, body: NewKitItem): Promise<KitItem> {
  const clinicId = ctx.actor.clinicId;
  return ctx.db.tx({ clinicId }, async (q) => {
    const id = uuidv7();
    const position = body.position ?? (await kitRepository.items(q, clinicId)).reduce((m, i) => Math.max(m, i.position + 1), 0);
    await kitRepository.insert(q, id, clinicId, body, position);
    await appendAudit(q, clinicalAudit(ctx.actor, 'emergency-kit.item.create', 'emergency-kit-item', id, { name: body.name, kind: body.kind, expiresOn: body.expiresOn ?? null }));
    return itemAnswer(q, clinicId, id);
  });
}

/** Changes an item: restocked, a new lot and expiry, no longer required… */
export async function updateKitItem(ctx: ServiceContext, id: string, patch: KitItemPatch): Promise<KitItem> {
  const clinicId = ctx.actor.clinicId;
  return ctx.db.tx({ clinicId }, async (q) => {
    const row = await kitRepository.item(q, clinicId, id, true);
    if (!row) throw Problem.notFound('Kit item');
    const next: ItemFields = {
      name: patch.name ?? row.name,
      kind: patch.kind ?? row.kind,
      required: patch.required ?? row.required,
      present: patch.present ?? row.present,
      lot: patch.lot !== undefined ? patch.lot : row.lot,
      expires_on: patch.expiresOn !== undefined ? patch.expiresOn : row.expires_on,
      quantity: patch.quantity !== undefined ? patch.quantity : row.quantity,
      notes: patch.notes !== undefined ? patch.notes : row.notes,
      position: patch.position ?? row.position,
    };
    await kitRepository.update(q, clinicId, id, next);
    await appendAudit(q, clinicalAudit(ctx.actor, 'emergency-kit.item.update', 'emergency-kit-item', id, { changes: patch, before: { present: row.present, expiresOn: row.expires_on, lot: row.lot } }));
    return itemAnswer(q, clinicId, id);
  });
}

/** Removes an item from the kit (past checks keep what they found). */
export async function removeKitItem(ctx: ServiceContext, id: string): Promise<void> {
  const clinicId = ctx.actor.clinicId;
  await ctx.db.tx({ clinicId }, async (q) => {
    const row = await kitRepository.item(q, clinicId, id, true);
    if (!row) throw Problem.notFound('Kit item');
    await kitRepository.remove(q, clinicId, id);
    await appendAudit(q, clinicalAudit(ctx.actor, 'emergency-kit.item.delete', 'emergency-kit-item', id, { name: row.name, kind: row.kind }));
  });
}

/** Records a check of the whole kit: who, when, what each item was found like; updates the items. */
export async function recordKitCheck(ctx: ServiceContext, body: KitCheckBody): Promise<KitCheck> {
  const clinicId = ctx.actor.clinicId;
  return ctx.db.tx({ clinicId }, async (q) => {
    const rows = await kitRepository.items(q, clinicId, true);
    const byId = new Map(rows.map((r) => [r.id, r]));
    body.items.forEach((i, n) => {
      if (!byId.has(i.itemId)) throw new Problem(404, 'not-found', 'Not found', 'Kit item not found', [{ path: `body.items[${n}].itemId`, message: 'no such item in the kit' }]);
    });
    const listed = new Set(body.items.map((i) => i.itemId));
    const left = rows.filter((r) => !listed.has(r.id));
    if (left.length > 0) throw fieldInvalid('body.items', `must list every item of the kit; missing: ${left.map((r) => r.name).join(', ')}`);
    const at = new Date();
    for (const i of body.items) {
      const row = byId.get(i.itemId) as ItemRow;
      await kitRepository.checked(
        q,
        clinicId,
        row.id,
        {
          name: row.name,
          kind: row.kind,
          required: row.required,
          present: i.present,
          lot: i.lot !== undefined ? i.lot : row.lot,
          expires_on: i.expiresOn !== undefined ? i.expiresOn : row.expires_on,
          quantity: i.quantity !== undefined ? i.quantity : row.quantity,
          notes: row.notes,
          position: row.position,
        },
        at,
        ctx.actor.userId,
      );
    }
    const { state, items } = await kitStateIn(q, clinicId);
    const notes = new Map(body.items.map((i) => [i.itemId, i.note ?? null]));
    const check: CheckRow = {
      id: uuidv7(),
      checked_by: ctx.actor.userId,
      checked_at: at,
      ready: state.ready,
      notes: body.notes ?? null,
      items: items.map((i) => ({ itemId: i.id, name: i.name, kind: i.kind, required: i.required, present: i.present, lot: i.lot, expiresOn: i.expiresOn, state: i.state, note: notes.get(i.id) ?? null })),
    };
    await kitRepository.insertCheck(q, clinicId, check);
    await appendAudit(q, clinicalAudit(ctx.actor, 'emergency-kit.check', 'emergency-kit-check', check.id, { ready: state.ready, missing: state.missing.map((m) => m.name), expired: state.expired.map((e) => e.name) }));
    return toCheck(check);
  });
}

/** Past checks, latest first. */
export async function listKitChecks(ctx: ServiceContext, f: { limit: number; cursor?: string | undefined }) {
  const offset = f.cursor === undefined ? 0 : Number(f.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw fieldInvalid('querystring.cursor', 'is not valid');
  return ctx.db.tx(
    { clinicId: ctx.actor.clinicId },
    async (q) => {
      const rows = await kitRepository.checks(q, ctx.actor.clinicId, f.limit + 1, offset);
      return { items: rows.slice(0, f.limit).map(toCheck), nextCursor: rows.length > f.limit ? String(offset + f.limit) : null };
    },
    { readOnly: true },
  );
}
