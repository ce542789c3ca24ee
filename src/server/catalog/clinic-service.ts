// The clinic's identity and its safety-engine settings. The settings live under the `assessment`
// key of clinics.settings, so that other capabilities can keep their own keys beside them.
import { clinicSettingsSchema, resolveSettings, type ClinicSettings, type Settings } from '../../domain/assessment/settings.ts';
import type { ClinicAnswer } from '../../domain/api/catalog-clinic.ts';
import { appendAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { catalogAudit } from './common.ts';

interface ClinicRow {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  default_language: 'en' | 'ru';
  assessment: unknown;
}

/**
 * Reads stored settings leniently: a value the engine no longer accepts (its range narrowed since
 * it was saved) falls back to the default rather than stopping every assessment of the clinic.
 */
export function storedSettings(raw: unknown): ClinicSettings {
  const first = clinicSettingsSchema.safeParse(raw ?? {});
  if (first.success) return first.data;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const issue of first.error.issues) {
    const path = issue.path.map(String);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
    for (const key of keys) {
      const [head, tail] = key;
      if (head === undefined) continue;
      const rules = copy[head];
      if (tail !== undefined && typeof rules === 'object' && rules !== null) delete (rules as Record<string, unknown>)[tail];
      else delete copy[head];
    }
  }
  const second = clinicSettingsSchema.safeParse(copy);
  return second.success ? second.data : {};
}

async function clinicRow(q: Queryable, clinicId: string): Promise<ClinicRow> {
  const r = await q.query<ClinicRow>(
    "SELECT id, name, time_zone, currency, default_language, settings -> 'assessment' AS assessment FROM clinics WHERE id = $1",
    [clinicId],
  );
  const row = r.rows[0];
  if (!row) throw Problem.notFound('Clinic');
  return row;
}

/** The clinic's own assessment settings: only what differs from the defaults. */
export async function loadClinicSettings(q: Queryable, clinicId: string): Promise<ClinicSettings> {
  return storedSettings((await clinicRow(q, clinicId)).assessment);
}

/** The settings the safety engine runs with for a clinic: its stored settings over the defaults. */
export async function loadAssessmentSettings(q: Queryable, clinicId: string): Promise<Settings> {
  return resolveSettings(await loadClinicSettings(q, clinicId));
}

function toClinic(row: ClinicRow): ClinicAnswer {
  const settings = storedSettings(row.assessment);
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
    language: row.default_language,
    settings,
    effectiveSettings: resolveSettings(settings),
  };
}

/** The caller's clinic with its settings. */
export async function getClinic(ctx: ServiceContext): Promise<ClinicAnswer> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => toClinic(await clinicRow(q, ctx.actor.clinicId)), { readOnly: true });
}

/** Replaces the clinic's assessment settings (already validated against the engine's ranges). */
export async function replaceClinicSettings(ctx: ServiceContext, settings: ClinicSettings): Promise<ClinicAnswer> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const before = await loadClinicSettings(q, ctx.actor.clinicId);
    await q.query("UPDATE clinics SET settings = jsonb_set(settings, '{assessment}', $2::jsonb) WHERE id = $1", [ctx.actor.clinicId, JSON.stringify(settings)]);
    await appendAudit(q, catalogAudit(ctx, 'clinic.settings.update', 'clinic', ctx.actor.clinicId, { before, after: settings }));
    return toClinic(await clinicRow(q, ctx.actor.clinicId));
  });
}
