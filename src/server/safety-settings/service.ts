// The clinic's follow-up and readiness settings: stored as top-level keys of clinics.settings
// (`followUpHours` is what the sessions capability reads when it schedules post-session
// follow-ups), beside the safety engine's `assessment` key.
import { resolveSafetySettings, SAFETY_SETTING_KEYS, safetySettingsSchema, type ClinicSafetySettings, type SafetySettings } from '../../domain/adverse-events/settings.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit } from '../clinical/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';

/** The clinic's own settings as stored; a stored value no longer valid falls back to its default. */
async function stored(q: Queryable, clinicId: string): Promise<ClinicSafetySettings> {
  const r = await q.query<{ settings: Record<string, unknown> }>('SELECT settings FROM clinics WHERE id = $1', [clinicId]);
  const row = r.rows[0];
  if (!row) throw Problem.notFound('Clinic');
  const own: Record<string, unknown> = {};
  for (const key of SAFETY_SETTING_KEYS) {
    if (row.settings[key] === undefined) continue;
    const one = safetySettingsSchema.safeParse({ [key]: row.settings[key] });
    if (one.success) Object.assign(own, one.data);
  }
  const all = safetySettingsSchema.safeParse(own);
  return all.success ? all.data : {};
}

/** The settings with every default filled in. */
export async function loadSafetySettings(q: Queryable, clinicId: string): Promise<SafetySettings> {
  return resolveSafetySettings(await stored(q, clinicId));
}

/** The stored settings and the effective ones. */
export async function getSafetySettings(ctx: ServiceContext) {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const own = await stored(q, ctx.actor.clinicId);
    return { settings: own, effective: resolveSafetySettings(own) };
  });
}

/** Replaces the settings: a key left out returns to its default. */
export async function replaceSafetySettings(ctx: ServiceContext, body: ClinicSafetySettings) {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const before = await stored(q, ctx.actor.clinicId);
    await q.query('UPDATE clinics SET settings = (settings - $2::text[]) || $3::jsonb WHERE id = $1', [ctx.actor.clinicId, SAFETY_SETTING_KEYS, JSON.stringify(body)]);
    await appendAudit(q, clinicalAudit(ctx.actor, 'clinic.safety-settings.update', 'clinic', ctx.actor.clinicId, { before, after: body }));
    return { settings: body, effective: resolveSafetySettings(body) };
  });
}
