// Pharmacovigilance counts: adverse events per 100 sessions, grouped by what the sessions were
// exposed to (a product, a lot, a practitioner, a technique, an area). A session belongs to every
// group it touched (two products → both), so group counts may add up to more than the totals.
import type { AdverseEventType } from '../vocabulary/index.ts';

/** A session of the period with the groups it belongs to. */
export interface ExposedSession {
  id: string;
  keys: readonly string[];
}

/** An event of a session of the period; `keys` replaces the session's groups (an event's own area). */
export interface CountedEvent {
  id: string;
  sessionId: string;
  type: AdverseEventType;
  grade: number;
  serious: boolean;
  keys?: readonly string[];
}

export interface GroupCounts {
  key: string;
  sessions: number;
  events: number;
  seriousEvents: number;
  /** Events per 100 sessions; null when the group had no session to divide by. */
  ratePer100: number | null;
  byType: Partial<Record<AdverseEventType, number>>;
  byGrade: Record<'1' | '2' | '3' | '4' | '5', number>;
}

/** Events per 100 sessions to two decimals; null without sessions. */
export function ratePer100(events: number, sessions: number): number | null {
  return sessions === 0 ? null : Math.round((events / sessions) * 10_000) / 100;
}

function empty(key: string): GroupCounts {
  return { key, sessions: 0, events: 0, seriousEvents: 0, ratePer100: null, byType: {}, byGrade: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } };
}

function count(g: GroupCounts, e: CountedEvent): void {
  g.events++;
  if (e.serious) g.seriousEvents++;
  g.byType[e.type] = (g.byType[e.type] ?? 0) + 1;
  const grade = String(e.grade) as keyof GroupCounts['byGrade'];
  if (grade in g.byGrade) g.byGrade[grade]++;
}

/** Counts per group and over all, most events first; events of sessions outside the list are ignored. */
export function aggregateEvents(sessions: readonly ExposedSession[], events: readonly CountedEvent[]): { totals: Omit<GroupCounts, 'key'>; groups: GroupCounts[] } {
  const groups = new Map<string, GroupCounts>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = empty(key)));
    return g;
  };
  const keysOf = new Map<string, readonly string[]>();
  for (const s of sessions) {
    const keys = [...new Set(s.keys)];
    keysOf.set(s.id, keys);
    for (const k of keys) group(k).sessions++;
  }
  const totals = empty('');
  totals.sessions = sessions.length;
  for (const e of events) {
    const sessionKeys = keysOf.get(e.sessionId);
    if (sessionKeys === undefined) continue;
    count(totals, e);
    for (const k of new Set(e.keys ?? sessionKeys)) count(group(k), e);
  }
  const out = [...groups.values()].map((g) => ({ ...g, ratePer100: ratePer100(g.events, g.sessions) }));
  out.sort((a, b) => b.events - a.events || (b.ratePer100 ?? 0) - (a.ratePer100 ?? 0) || a.key.localeCompare(b.key));
  const { key: _key, ...rest } = totals;
  return { totals: { ...rest, ratePer100: ratePer100(totals.events, totals.sessions) }, groups: out };
}
