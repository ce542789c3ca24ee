import { describe, expect, it } from 'vitest';
import { coursePatchBody } from '../../../domain/api/courses.ts';
import type { Course } from '../../api/clinical.ts';
import { changesConsentedTerms, fromCourse, toPatch, type PlanValues } from './plan-form.ts';

const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';

const saved = {
  indications: ['age-changes'],
  areas: ['face'],
  technique: 'papular',
  depthMm: 1.5,
  templateId: null,
  components: [
    { productId: A, volumeMl: 2 },
    { productId: B, volumeMl: 1.5 },
  ],
  plannedSessions: 6,
  intervalDays: 7,
  startsOn: '2026-03-02',
  expectedResults: 'Better skin',
  postCare: 'No sauna',
  allergyTest: { done: true, method: 'Forearm', result: 'negative', date: '2026-03-01' },
  priceMinor: 450_000,
  notes: null,
} as unknown as Course;

const edit = (change: Partial<PlanValues>): PlanValues => ({ ...fromCourse(saved), ...change });

describe('editing a saved plan', () => {
  it('starts from the saved course and sends nothing when nothing changed', () => {
    const before = fromCourse(saved);
    expect(before).toMatchObject({ price: 4500, allergyTestDate: '2026-03-01', notes: '' });
    expect(toPatch(before, edit({}))).toEqual({});
  });

  it.each<[string, Partial<PlanValues>, Record<string, unknown>]>([
    ['the number of sessions', { plannedSessions: 8 }, { plannedSessions: 8 }],
    ['a volume', { components: [{ productId: A, volumeMl: 2.5 }, { productId: B, volumeMl: 1.5 }] }, { components: [{ productId: A, volumeMl: 2.5 }, { productId: B, volumeMl: 1.5 }] }],
    ['a cleared text, as null', { expectedResults: '  ' }, { expectedResults: null }],
    ['a cleared price, as null', { price: '' }, { priceMinor: null }],
    ['the allergy test, keeping its date', { allergyTestResult: 'inconclusive' }, { allergyTest: { done: true, method: 'Forearm', result: 'inconclusive', date: '2026-03-01' } }],
    ['a new note', { notes: 'Prefers mornings' }, { notes: 'Prefers mornings' }],
  ])('sends only %s', (_, change, patch) => {
    const body = toPatch(fromCourse(saved), edit(change));
    expect(body).toEqual(patch);
    expect(coursePatchBody.safeParse(body).success).toBe(true);
  });

  it.each<[string, Partial<PlanValues>, boolean]>([
    ['more sessions', { plannedSessions: 8 }, true],
    ['a product removed', { components: [{ productId: A, volumeMl: 2 }] }, true],
    ['the same products reordered, other volumes', { components: [{ productId: B, volumeMl: 1 }, { productId: A, volumeMl: 3 }] }, false],
    ['the interval and the aftercare', { intervalDays: 10, postCare: 'SPF 50' }, false],
  ])('a signed consent is superseded by %s: %s', (_, change, supersedes) => {
    expect(changesConsentedTerms(fromCourse(saved), edit(change))).toBe(supersedes);
  });
});
