import { uuidv7 } from 'uuidv7';
import type { ConsentTemplate } from '../../domain/api/consents.ts';
import { defaultTemplate } from '../../domain/consent/default-templates.ts';
import { CONSENT_KINDS, type ConsentKind } from '../../domain/consent/placeholders.ts';
import { LANGS, type Lang } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';

interface Row {
  id: string;
  kind: ConsentKind;
  language: Lang;
  version: number;
  title: string;
  body: string;
  active: boolean;
  created_at: Date;
  created_by: string | null;
}

const columns = 't.id, t.kind, t.language, t.version, t.title, t.body, t.active, t.created_at, t.created_by';

function toTemplate(r: Row): ConsentTemplate {
  return { id: r.id, kind: r.kind, language: r.language, version: r.version, title: r.title, body: r.body, active: r.active, createdAt: r.created_at, createdBy: r.created_by };
}

/** Consent templates of the transaction's clinic: versions are inserted, never rewritten. */
export const templatesRepository = {
  /**
   * Gives the clinic the built-in template of every kind and language it has none of (version 1).
   * Safe when two requests seed at once: the second insert of a version is skipped.
   */
  async seedDefaults(q: Queryable, clinicId: string): Promise<number> {
    const have = await q.query<{ kind: ConsentKind; language: Lang }>('SELECT DISTINCT kind, language FROM consent_templates WHERE clinic_id = $1', [clinicId]);
    const seen = new Set(have.rows.map((r) => `${r.kind}/${r.language}`));
    let added = 0;
    for (const kind of CONSENT_KINDS) {
      for (const lang of LANGS) {
        if (seen.has(`${kind}/${lang}`)) continue;
        const t = defaultTemplate(kind, lang);
        const r = await q.query(
          `INSERT INTO consent_templates (id, clinic_id, kind, language, version, title, body, active) VALUES ($1, $2, $3, $4, 1, $5, $6, true)
           ON CONFLICT DO NOTHING`,
          [uuidv7(), clinicId, kind, lang, t.title, t.body],
        );
        added += r.rowCount ?? 0;
      }
    }
    return added;
  },

  async list(q: Queryable, filter: { kind?: ConsentKind | undefined; language?: Lang | undefined; history: boolean }): Promise<ConsentTemplate[]> {
    const r = await q.query<Row>(
      `SELECT ${columns} FROM consent_templates t
       WHERE ($1::text IS NULL OR t.kind = $1) AND ($2::text IS NULL OR t.language = $2) AND ($3 OR t.active)
       ORDER BY t.kind, t.language, t.version DESC`,
      [filter.kind ?? null, filter.language ?? null, filter.history],
    );
    return r.rows.map(toTemplate);
  },

  async byId(q: Queryable, id: string): Promise<ConsentTemplate | undefined> {
    const r = await q.query<Row>(`SELECT ${columns} FROM consent_templates t WHERE t.id = $1`, [id]);
    return r.rows[0] && toTemplate(r.rows[0]);
  },

  async active(q: Queryable, kind: ConsentKind, language: Lang): Promise<ConsentTemplate | undefined> {
    const r = await q.query<Row>(`SELECT ${columns} FROM consent_templates t WHERE t.kind = $1 AND t.language = $2 AND t.active`, [kind, language]);
    return r.rows[0] && toTemplate(r.rows[0]);
  },

  /** Adds the next version of a kind and language and makes it the active one. */
  async addVersion(q: Queryable, clinicId: string, input: { kind: ConsentKind; language: Lang; title: string; body: string }, userId: string): Promise<ConsentTemplate> {
    // The lock serialises two owners saving at once (the read after it sees the other's version).
    await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7204118005))', [`consent-template/${clinicId}/${input.kind}/${input.language}`]);
    const last = await q.query<{ version: number }>(
      'SELECT version FROM consent_templates WHERE clinic_id = $1 AND kind = $2 AND language = $3 ORDER BY version DESC LIMIT 1',
      [clinicId, input.kind, input.language],
    );
    await q.query('UPDATE consent_templates SET active = false WHERE clinic_id = $1 AND kind = $2 AND language = $3 AND active', [clinicId, input.kind, input.language]);
    const r = await q.query<Row>(
      `INSERT INTO consent_templates AS t (id, clinic_id, kind, language, version, title, body, active, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8) RETURNING ${columns}`,
      [uuidv7(), clinicId, input.kind, input.language, (last.rows[0]?.version ?? 0) + 1, input.title, input.body, userId],
    );
    return toTemplate(r.rows[0] as Row);
  },
};
