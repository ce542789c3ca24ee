import type { ConsentTemplate } from '../../domain/api/consents.ts';
import { placeholders, templateProblems, type ConsentKind, type PlaceholderName } from '../../domain/consent/placeholders.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import { Problem } from '../errors.ts';
import { templatesRepository } from './templates-repository.ts';

const audit = (ctx: ServiceContext, action: string, recordId: string | null, details: Record<string, unknown> = {}) => ({
  clinicId: ctx.actor.clinicId,
  actorUserId: ctx.actor.userId,
  actorRole: ctx.actor.role,
  action,
  recordType: 'consent-template',
  recordId,
  ip: ctx.actor.ip,
  outcome: 'success' as const,
  details,
});

/** The clinic's consent templates (active versions, or every version); defaults seeded on first use. */
export async function listTemplates(ctx: ServiceContext, filter: { kind?: ConsentKind | undefined; language?: Lang | undefined; history: boolean }): Promise<ConsentTemplate[]> {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const seeded = await templatesRepository.seedDefaults(q, ctx.actor.clinicId);
    const items = await templatesRepository.list(q, filter);
    await appendAudit(q, audit(ctx, 'consent-template.list', null, { seeded }));
    return items;
  });
}

/** One template version. */
export async function getTemplate(ctx: ServiceContext, id: string): Promise<ConsentTemplate> {
  const found = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const t = await templatesRepository.byId(q, id);
    await appendAudit(q, { ...audit(ctx, 'consent-template.read', id), outcome: t ? 'success' : 'not-found' });
    return t;
  });
  if (!found) throw Problem.notFound('Consent template');
  return found;
}

/**
 * Saves an owner's edit as the next version of the template, which becomes the active one.
 * Refused (422) when the body drops a required placeholder or uses an unknown one.
 */
export async function addTemplateVersion(ctx: ServiceContext, input: { kind: ConsentKind; language: Lang; title: string; body: string }): Promise<ConsentTemplate> {
  const problems = templateProblems(input.kind, input.body);
  const errors = [
    ...problems.missing.map((p) => ({ path: 'body', message: `must keep the placeholder {{${p}}} (${placeholders[p].description.en})` })),
    ...problems.unknown.map((p) => ({ path: 'body', message: `uses the unknown placeholder {{${p}}}` })),
  ];
  if (errors.length > 0) throw Problem.unprocessable('consent-template-invalid', errors.map((e) => e.message).join('; '), errors, { missing: problems.missing, unknown: problems.unknown });
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    await templatesRepository.seedDefaults(q, ctx.actor.clinicId);
    const t = await templatesRepository.addVersion(q, ctx.actor.clinicId, input, ctx.actor.userId);
    await appendAudit(q, audit(ctx, 'consent-template.version', t.id, { kind: t.kind, language: t.language, version: t.version }));
    return t;
  });
}

/** The placeholders templates may use, with whether each is required. */
export function placeholderList() {
  return (Object.keys(placeholders) as PlaceholderName[]).map((name) => ({
    name,
    kinds: [...placeholders[name].kinds],
    required: placeholders[name].required,
    description: placeholders[name].description,
  }));
}
