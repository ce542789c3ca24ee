// Properties that must hold for every input, checked on random sessions built from the vocabularies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STARTER_PRODUCTS } from '../catalog/starter.ts';
import {
  ADVERSE_EVENT_TYPE_CODES,
  AREA_CODES,
  conditions,
  CONDITION_CODES,
  INDICATION_CODES,
  SUBSTANCE_CLASS_CODES,
  TECHNIQUE_CODES,
  type ConditionCode,
} from '../vocabulary/index.ts';
import { assess } from './assess.ts';
import { daysBefore, SESSION_DATE } from './fixtures/index.ts';
import type { AssessmentInputJson } from './input-schema.ts';
import { parseAssessmentInput } from './parse.ts';
import { LEVEL_RANK, RULES } from './rules.ts';

const PRODUCT_CODES = STARTER_PRODUCTS.map((p) => p.code);
const volume = fc.integer({ min: 1, max: 80 }).map((tenths) => tenths / 10);
const pastDate = fc.integer({ min: 0, max: 400 }).map((days) => daysBefore(days));

const conditionArb = (code: ConditionCode) => {
  const entry = conditions.entries[code];
  return fc.record({
    code: fc.constant(code),
    ...(entry.needsOnset ? { onset: pastDate } : {}),
    ...(entry.needsArea ? { area: fc.constantFrom(...AREA_CODES) } : {}),
  });
};
const anyCondition = fc.constantFrom(...CONDITION_CODES).chain(conditionArb);
const allergy = fc.oneof(
  fc.constantFrom('lidocaine', 'artichoke-extract', 'glutathione', 'caffeine', 'procaine').map((substance) => ({ substance })),
  fc.constantFrom(...SUBSTANCE_CLASS_CODES).map((cls) => ({ class: cls })),
);

const inputArb: fc.Arbitrary<AssessmentInputJson> = fc
  .record({
    technique: fc.constantFrom(...TECHNIQUE_CODES),
    depthMm: fc.option(fc.integer({ min: 5, max: 80 }).map((t) => t / 10), { nil: undefined }),
    areas: fc.uniqueArray(fc.record({ area: fc.constantFrom(...AREA_CODES), volumeMl: volume }), { selector: (a) => a.area, maxLength: 4 }),
    components: fc.uniqueArray(fc.constantFrom(...PRODUCT_CODES), { minLength: 1, maxLength: 7 }),
    volumes: fc.array(volume, { minLength: 7, maxLength: 7 }),
    conditions: fc.array(anyCondition, { maxLength: 5 }),
    allergies: fc.array(allergy, { maxLength: 3 }),
    birthDate: fc.integer({ min: 10, max: 80 }).map((years) => `${2026 - years}-06-15`),
    weightKg: fc.option(fc.integer({ min: 40, max: 120 }), { nil: undefined }),
    lastSessionDate: fc.option(pastDate, { nil: undefined }),
    events: fc.array(fc.record({ type: fc.constantFrom(...ADVERSE_EVENT_TYPE_CODES), grade: fc.integer({ min: 1, max: 5 }) }), { maxLength: 2 }),
    signed: fc.boolean(),
    kitComplete: fc.boolean(),
    planned: fc.integer({ min: 1, max: 20 }),
    indications: fc.uniqueArray(fc.constantFrom(...INDICATION_CODES), { maxLength: 3 }),
    withLots: fc.boolean(),
  })
  .map((r) => ({
    date: SESSION_DATE,
    patient: { birthDate: r.birthDate, weightKg: r.weightKg, conditions: r.conditions, allergies: r.allergies },
    procedure: {
      technique: r.technique,
      depthMm: r.depthMm,
      areas: r.areas,
      components: r.components.map((product, i) => ({ product, volumeMl: r.volumes[i] ?? 1 })),
      lots: r.withLots ? r.components.map((product) => ({ product, lot: 'L1', expires: '2027-01-01' })) : undefined,
    },
    history: { lastSessionDate: r.lastSessionDate, openAdverseEvents: r.events, vagalReaction: false },
    consent: { signed: r.signed, products: r.components, sessions: 10 },
    clinic: { emergencyKit: { complete: r.kitComplete } },
    plan: { plannedSessions: r.planned, indications: r.indications },
  }));

const run = (json: AssessmentInputJson, lang: 'en' | 'ru' = 'en') => assess(parseAssessmentInput(json), { lang });

describe('assess: properties', () => {
  it('decides the highest level among its findings', () => {
    fc.assert(
      fc.property(inputArb, (json) => {
        const { decision, findings } = run(json);
        const highest = findings.reduce((max, f) => Math.max(max, LEVEL_RANK[f.level]), 0);
        expect(LEVEL_RANK[decision]).toBe(highest);
        expect(decision === 'ok').toBe(findings.every((f) => f.level === 'info'));
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the decision when a condition or an allergy is added', () => {
    fc.assert(
      fc.property(inputArb, anyCondition, allergy, (json, condition, extra) => {
        const before = LEVEL_RANK[run(json).decision];
        const patient = json.patient ?? {};
        const withCondition = { ...json, patient: { ...patient, conditions: [...(patient.conditions ?? []), condition] } };
        const withAllergy = { ...json, patient: { ...patient, allergies: [...(patient.allergies ?? []), extra] } };
        expect(LEVEL_RANK[run(withCondition).decision]).toBeGreaterThanOrEqual(before);
        expect(LEVEL_RANK[run(withAllergy).decision]).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets an injection-only rule fire for needle-free work', () => {
    fc.assert(
      fc.property(inputArb, (json) => {
        const needleFree = { ...json, procedure: { ...json.procedure, technique: 'needle-free' as const } };
        for (const f of run(needleFree).findings) expect(RULES[f.rule].scope, f.rule).not.toBe('injection');
      }),
      { numRuns: 300 },
    );
  });

  it('gives every finding a source and a message in both languages', () => {
    fc.assert(
      fc.property(inputArb, (json) => {
        const en = run(json, 'en').findings;
        const ru = run(json, 'ru').findings;
        expect(ru.map((f) => [f.rule, f.level])).toEqual(en.map((f) => [f.rule, f.level]));
        for (const [i, f] of en.entries()) {
          expect(f.source).toBe(RULES[f.rule].source);
          expect(f.message).toMatch(/^[A-Z].*[.]$/);
          expect(f.message).not.toMatch(/undefined|NaN|\[object/);
          const other = ru[i];
          expect(other?.message).toMatch(/[А-Яа-яЁё]/);
          expect(other?.message).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
