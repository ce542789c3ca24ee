// The clinic's photo settings, kept under their own key of clinics.settings beside the other
// capabilities' keys.
import { appendAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';

/** The photo settings with defaults filled in. */
export interface PhotoSettings {
  requireBaselinePhotos: boolean;
}

async function read(ctx: ServiceContext, q: Queryable): Promise<PhotoSettings> {
  const r = await q.query<{ required: boolean | null }>("SELECT (settings -> 'photos' ->> 'requireBaselinePhotos')::boolean AS required FROM clinics WHERE id = $1", [ctx.actor.clinicId]);
  return { requireBaselinePhotos: r.rows[0]?.required ?? true };
}

/** The caller's clinic's photo settings. */
export async function getPhotoSettings(ctx: ServiceContext): Promise<PhotoSettings> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => read(ctx, q), { readOnly: true });
}

/** An owner replaces the clinic's photo settings. */
export async function replacePhotoSettings(ctx: ServiceContext, next: PhotoSettings): Promise<PhotoSettings> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const before = await read(ctx, q);
    await q.query("UPDATE clinics SET settings = jsonb_set(settings, '{photos}', $2::jsonb) WHERE id = $1", [ctx.actor.clinicId, JSON.stringify(next)]);
    await appendAudit(q, {
      clinicId: ctx.actor.clinicId,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      action: 'clinic.photo-settings.update',
      recordType: 'clinic',
      recordId: ctx.actor.clinicId,
      ip: ctx.actor.ip,
      outcome: 'success',
      details: { before, after: next },
    });
    return read(ctx, q);
  });
}
