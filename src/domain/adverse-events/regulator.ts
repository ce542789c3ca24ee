// What a regulator's adverse-reaction form asks that the record holds only indirectly: the
// patient's initials and age, and whether the event is serious.
import type { SeriousnessCriterion } from './vocabulary.ts';

/** Initials as regulators write them: family, given, patronymic — "П.Е.А.". */
export function initials(p: { familyName: string; givenName: string; patronymic?: string | null }): string {
  return [p.familyName, p.givenName, p.patronymic ?? '']
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => `${(Array.from(n)[0] ?? '').toUpperCase()}.`)
    .join('');
}

/** Age in whole years on a day (YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Serious when a criterion says so, or when the grade does: CTCAE grade 3 and above is severe,
 * medically significant or worse.
 */
export function isSerious(grade: number, criteria: readonly SeriousnessCriterion[]): boolean {
  return criteria.length > 0 || grade >= 3;
}
