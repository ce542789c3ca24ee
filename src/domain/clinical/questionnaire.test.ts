import { describe, expect, it } from 'vitest';
import { conditions, substanceClasses } from '../vocabulary/index.ts';
import { mapAnswers, QUESTIONS } from './questionnaire.ts';

describe('the health questionnaire', () => {
  it('asks each question in English and Russian, with a unique id', () => {
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) {
      expect(q.text.en.endsWith('?')).toBe(true);
      expect(q.text.ru.endsWith('?')).toBe(true);
    }
  });

  it.each(QUESTIONS.map((q) => [q.id, q] as const))('question %s maps to known codes, and asks a date exactly when its conditions need one', (_id, q) => {
    expect(q.conditions.length + (q.allergies?.length ?? 0)).toBeGreaterThan(0);
    for (const code of q.conditions) {
      expect(conditions.has(code)).toBe(true);
      expect(conditions.entries[code].needsOnset).toBe(q.asksDate !== undefined);
      // A site condition needs an area the questionnaire does not ask.
      expect(conditions.entries[code].needsArea).toBe(false);
    }
    for (const a of q.allergies ?? []) if ('class' in a) expect(substanceClasses.has(a.class)).toBe(true);
  });

  it('covers every condition the engine reads that a patient can answer about herself', () => {
    const asked = new Set(QUESTIONS.flatMap((q) => q.conditions));
    const unasked = conditions.codes.filter((c) => !asked.has(c));
    expect(unasked.sort()).toEqual(['site-broken', 'site-inflamed']);
  });

  it.each([
    [[{ questionId: 'gallstones', answer: true }], { conditions: [{ code: 'cholelithiasis', questionId: 'gallstones' }], allergies: [] }],
    [[{ questionId: 'gallstones', answer: false }], { conditions: [], allergies: [] }],
    [[{ questionId: 'surgery', answer: true, date: '2026-10-01' }], { conditions: [{ code: 'recent-surgery', onset: '2026-10-01', questionId: 'surgery' }], allergies: [] }],
    [[{ questionId: 'anaesthetic-allergy', answer: true }], { conditions: [], allergies: [{ substance: 'lidocaine', questionId: 'anaesthetic-allergy' }] }],
    [[{ questionId: 'unknown', answer: true }], { conditions: [], allergies: [] }],
  ])('maps %j', (answers, expected) => {
    expect(mapAnswers(answers)).toEqual(expected);
  });
});
