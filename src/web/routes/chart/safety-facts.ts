// Which parts of the chart belong in its safety strip, as labelled chips: active allergies, the
// active conditions the safety engine reads, open adverse events, and the weight (dose limits).
import type { TFunction } from 'i18next';
import { adverseEventTypes, areas, conditions, substanceClasses } from '../../../domain/vocabulary/index.ts';
import { label } from '../../../domain/vocabulary/vocab.ts';
import type { ChartView } from '../../api/chart.ts';
import type { Lang } from '../../i18n/index.ts';

export interface SafetyFact {
  key: string;
  kind: 'allergy' | 'condition' | 'event';
  label: string;
}

/** The chips of the safety strip, most dangerous first; `substanceName` names substance codes. */
export function safetyFacts(chart: ChartView, t: TFunction, lang: Lang, substanceName: (code: string) => string): SafetyFact[] {
  const out: SafetyFact[] = [];
  for (const a of chart.history?.allergies ?? []) {
    if (!a.active) continue;
    const what = a.class !== null ? label(substanceClasses, a.class, lang) : substanceName(a.substance ?? '?');
    out.push({ key: `a-${a.id}`, kind: 'allergy', label: t('chart.allergyTo', { what }) });
  }
  for (const c of chart.history?.conditions ?? []) {
    if (!c.active) continue;
    const area = c.area ? ` — ${label(areas, c.area, lang)}` : '';
    out.push({ key: `c-${c.id}`, kind: 'condition', label: `${label(conditions, c.code, lang)}${area}` });
  }
  for (const e of chart.adverseEvents ?? []) {
    out.push({ key: `e-${e.id}`, kind: 'event', label: t('chart.openEvent', { what: `${label(adverseEventTypes, e.type, lang)}, ${t('adverse.gradeShort', { grade: e.grade })}` }) });
  }
  return out;
}

/** Whether the patient's history was never taken: no entry and no questionnaire, ever (an empty list then says nothing). */
export function historyUntaken(chart: ChartView): boolean {
  return chart.history?.lastRecordedAt === null;
}
