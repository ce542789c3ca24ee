// The pharmacovigilance report: adverse events per 100 sessions over a period, grouped by what
// the sessions were exposed to. Sessions are counted by their day in the clinic's calendar; an
// event counts with its session, whenever it began.
import { aggregateEvents, type CountedEvent, type ExposedSession } from '../../domain/adverse-events/rates.ts';
import { isSerious } from '../../domain/adverse-events/regulator.ts';
import type { SeriousnessCriterion } from '../../domain/adverse-events/vocabulary.ts';
import type { PvReport, PvReportQuery, ReportGroup } from '../../domain/api/pharmacovigilance.ts';
import { toCsv } from '../../domain/csv.ts';
import { areas, label, techniques, type AdverseEventType, type AreaCode, type Lang, type TechniqueCode } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit } from '../clinical/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';

const notes: Record<Lang, string> = {
  en: 'Events are counted with their session (any status, any source); a session exposed to two products, lots or areas counts under each, so groups may add up to more than the totals. Rates are events per 100 sessions of the group.',
  ru: 'Явления учитываются по сеансу, после которого возникли (любой статус и источник); сеанс с двумя препаратами, сериями или зонами учитывается в каждой группе, поэтому сумма по группам может превышать итог. Частота — явлений на 100 сеансов группы.',
};

async function exposure(q: Queryable, clinicId: string, f: PvReportQuery): Promise<{ sessions: ExposedSession[]; events: CountedEvent[]; labels: Map<string, string> }> {
  const sessions = await q.query<{ id: string; practitioner_id: string; technique: string; areas: { area: string }[] }>(
    'SELECT id, practitioner_id, technique, areas FROM sessions WHERE clinic_id = $1 AND session_date BETWEEN $2 AND $3',
    [clinicId, f.from, f.to],
  );
  const lots = await q.query<{ session_id: string; lot_id: string; product_id: string }>(
    `SELECT sl.session_id, sl.lot_id, sl.product_id FROM session_lots sl JOIN sessions s ON s.clinic_id = sl.clinic_id AND s.id = sl.session_id
     WHERE sl.clinic_id = $1 AND s.session_date BETWEEN $2 AND $3`,
    [clinicId, f.from, f.to],
  );
  const events = await q.query<{ id: string; session_id: string; type: AdverseEventType; grade: number; seriousness: SeriousnessCriterion[]; area: string | null }>(
    `SELECT a.id, a.session_id, a.type, a.grade, a.seriousness, a.area FROM adverse_events a JOIN sessions s ON s.clinic_id = a.clinic_id AND s.id = a.session_id
     WHERE a.clinic_id = $1 AND s.session_date BETWEEN $2 AND $3`,
    [clinicId, f.from, f.to],
  );
  const lotsOf = new Map<string, { lot_id: string; product_id: string }[]>();
  for (const l of lots.rows) lotsOf.set(l.session_id, [...(lotsOf.get(l.session_id) ?? []), l]);
  const keysOf = (s: (typeof sessions.rows)[number]): string[] => {
    switch (f.groupBy) {
      case 'product':
        return (lotsOf.get(s.id) ?? []).map((l) => l.product_id);
      case 'lot':
        return (lotsOf.get(s.id) ?? []).map((l) => l.lot_id);
      case 'practitioner':
        return [s.practitioner_id];
      case 'technique':
        return [s.technique];
      case 'area':
        return s.areas.map((a) => a.area);
    }
  };
  return {
    sessions: sessions.rows.map((s) => ({ id: s.id, keys: keysOf(s) })),
    events: events.rows.map((e) => ({
      id: e.id,
      sessionId: e.session_id,
      type: e.type,
      grade: e.grade,
      serious: isSerious(e.grade, e.seriousness),
      // An event's own area is where it happened; without one it belongs to the session's areas.
      ...(f.groupBy === 'area' && e.area ? { keys: [e.area] } : {}),
    })),
    labels: await labelsOf(q, clinicId, f.groupBy, f.lang ?? 'en', [...new Set(sessions.rows.flatMap(keysOf))]),
  };
}

async function labelsOf(q: Queryable, clinicId: string, group: ReportGroup, lang: Lang, keys: string[]): Promise<Map<string, string>> {
  switch (group) {
    case 'product': {
      const r = await q.query<{ id: string; name: string; name_ru: string | null; code: string }>('SELECT id, name, name_ru, code FROM products WHERE clinic_id = $1 AND id = ANY($2::uuid[])', [clinicId, keys]);
      return new Map(r.rows.map((p) => [p.id, `${lang === 'ru' && p.name_ru ? p.name_ru : p.name} (${p.code})`]));
    }
    case 'lot': {
      const r = await q.query<{ id: string; lot_number: string; code: string; expires_on: string }>(
        'SELECT l.id, l.lot_number, p.code, l.expires_on FROM lots l JOIN products p ON p.clinic_id = l.clinic_id AND p.id = l.product_id WHERE l.clinic_id = $1 AND l.id = ANY($2::uuid[])',
        [clinicId, keys],
      );
      return new Map(r.rows.map((l) => [l.id, `${l.code} ${l.lot_number} (${l.expires_on})`]));
    }
    case 'practitioner': {
      const r = await q.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE clinic_id = $1 AND id = ANY($2::uuid[])', [clinicId, keys]);
      return new Map(r.rows.map((u) => [u.id, u.display_name]));
    }
    case 'technique':
      return new Map(keys.map((k) => [k, label(techniques, k as TechniqueCode, lang)]));
    case 'area':
      return new Map(keys.map((k) => [k, label(areas, k as AreaCode, lang)]));
  }
}

/** Counts and rates of adverse events over the period, per group. */
export async function adverseEventReport(ctx: ServiceContext, f: PvReportQuery): Promise<PvReport> {
  const lang = f.lang ?? ctx.actor.language;
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const { sessions, events, labels } = await exposure(q, ctx.actor.clinicId, { ...f, lang });
    const { totals, groups } = aggregateEvents(sessions, events);
    // An event's own area may be one no session of the period treated: label it all the same.
    const missing = groups.filter((g) => !labels.has(g.key)).map((g) => g.key);
    const more = missing.length > 0 ? await labelsOf(q, ctx.actor.clinicId, f.groupBy, lang, missing) : new Map<string, string>();
    await appendAudit(q, clinicalAudit(ctx.actor, 'report.adverse-events', 'report', null, { from: f.from, to: f.to, groupBy: f.groupBy }));
    return {
      from: f.from,
      to: f.to,
      groupBy: f.groupBy,
      totals,
      items: groups.map((g) => ({ ...g, label: labels.get(g.key) ?? more.get(g.key) ?? g.key })),
      note: notes[lang],
    };
  });
}

const csvHeaders: Record<Lang, (group: string) => string[]> = {
  en: (g) => [g, 'Key', 'Sessions', 'Adverse events', 'Serious events', 'Events per 100 sessions', 'Grade 1', 'Grade 2', 'Grade 3', 'Grade 4', 'Grade 5'],
  ru: (g) => [g, 'Ключ', 'Сеансов', 'Нежелательных явлений', 'Серьёзных', 'Явлений на 100 сеансов', 'Степень 1', 'Степень 2', 'Степень 3', 'Степень 4', 'Степень 5'],
};
const groupNames: Record<Lang, Record<ReportGroup, string>> = {
  en: { product: 'Product', lot: 'Lot', practitioner: 'Practitioner', technique: 'Technique', area: 'Area' },
  ru: { product: 'Препарат', lot: 'Серия', practitioner: 'Специалист', technique: 'Техника', area: 'Зона' },
};

/** The report as CSV: one row per group, then the totals. */
export async function adverseEventReportCsv(ctx: ServiceContext, f: PvReportQuery): Promise<{ csv: string; fileName: string }> {
  const lang = f.lang ?? ctx.actor.language;
  const r = await adverseEventReport(ctx, { ...f, lang });
  const grades = (g: PvReport['totals']) => ['1', '2', '3', '4', '5'].map((k) => g.byGrade[k] ?? 0);
  const rows = r.items.map((g) => [g.label, g.key, g.sessions, g.events, g.seriousEvents, g.ratePer100, ...grades(g)]);
  rows.push([lang === 'ru' ? 'Всего' : 'All sessions', '', r.totals.sessions, r.totals.events, r.totals.seriousEvents, r.totals.ratePer100, ...grades(r.totals)]);
  return { csv: toCsv(csvHeaders[lang](groupNames[lang][f.groupBy]), rows), fileName: `adverse-events-${f.groupBy}-${f.from}-${f.to}.csv` };
}
