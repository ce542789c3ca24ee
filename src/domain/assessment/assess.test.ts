import { describe, expect, it } from 'vitest';
import { assess } from './assess.ts';
import { AssessmentInputError } from './errors.ts';
import { baseInput, caseProblem, ENGINE_ERROR_CASES, RULE_CASES } from './fixtures/index.ts';
import { MESSAGES } from './messages.ts';
import { parseAssessmentInput } from './parse.ts';
import { LEVEL_RANK, RULE_IDS, RULES } from './rules.ts';

describe('assess: one row per clinical fact', () => {
  it.each(RULE_CASES.map((c) => [`${c.rule}: ${c.name} → ${c.expect}`, c] as const))('%s', (_name, c) => {
    const result = assess(parseAssessmentInput(c.input));
    expect(caseProblem(c, result.findings)).toBeUndefined();
  });

  it('has a triggering row and a silent row for every rule', () => {
    for (const id of RULE_IDS) {
      const rows = RULE_CASES.filter((c) => c.rule === id);
      expect(rows.some((c) => c.expect !== 'none'), `${id} triggered`).toBe(true);
      expect(rows.some((c) => c.expect === 'none'), `${id} silent`).toBe(true);
    }
  });

  it('has a message for every rule in English and in Russian', () => {
    for (const id of RULE_IDS) {
      expect(typeof MESSAGES.en[id], id).toBe('function');
      expect(typeof MESSAGES.ru[id], id).toBe('function');
    }
  });

  it('gives every rule only the levels the rule table allows', () => {
    for (const c of RULE_CASES) {
      for (const f of assess(parseAssessmentInput(c.input)).findings) expect(RULES[f.rule].levels).toContain(f.level);
    }
  });
});

describe('assess: the whole assessment', () => {
  it('finds nothing in the clean base session', () => {
    expect(assess(parseAssessmentInput(baseInput()))).toEqual({ decision: 'ok', findings: [] });
  });

  it('assesses the example of the design document', () => {
    const input = parseAssessmentInput({
      date: '2026-11-22',
      patient: {
        birthDate: '1985-04-02',
        sex: 'female',
        conditions: [
          { code: 'recent-surgery', onset: '2026-11-10' },
          { code: 'site-inflamed', area: 'face' },
          { code: 'cholelithiasis' },
        ],
        allergies: [{ substance: 'lidocaine' }, { class: 'vitamin' }],
      },
      procedure: {
        technique: 'manual',
        depthMm: 4,
        areas: [{ area: 'face', volumeMl: 3 }],
        components: [
          { product: 'hofitol', volumeMl: 2 },
          { product: { name: 'X', substances: [{ code: 'artichoke-extract', class: 'choleretic' }], intradermal: true, licensed: true }, volumeMl: 1 },
        ],
        lots: [{ product: 'hofitol', lot: 'A12', expires: '2027-01-31' }],
      },
      history: { lastSessionDate: '2026-11-17', openAdverseEvents: [{ type: 'bruising', grade: 1 }], vagalReaction: false },
      consent: { signed: true, withdrawn: false, products: ['hofitol'], sessions: 10 },
      clinic: { emergencyKit: { complete: true, expires: '2027-03-01' }, settings: { minIntervalDays: 7 } },
    });
    const result = assess(input);
    expect(result.decision).toBe('block');
    const hofitol = result.findings.find((f) => f.rule === 'cholelithiasis' && f.facts.product === 'hofitol');
    expect(hofitol).toMatchObject({ level: 'block', source: '002', message: 'Hofitol contains artichoke leaf extract, a choleretic; the patient has gallstones.' });
    expect(result.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['site-inflamed', 'cholelithiasis', 'recent-surgery', 'interval-short', 'open-adverse-event', 'dose-low', 'lot-missing', 'no-consent']),
    );
  });

  it('lists findings most severe first', () => {
    for (const c of RULE_CASES) {
      const ranks = assess(parseAssessmentInput(c.input)).findings.map((f) => LEVEL_RANK[f.level]);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    }
  });

  it('writes messages in Russian on request', () => {
    const d = baseInput();
    d.patient.conditions.push({ code: 'cholelithiasis' });
    d.procedure.components.push({ product: 'hofitol', volumeMl: 2 });
    const [finding] = assess(parseAssessmentInput(d), { lang: 'ru' }).findings.filter((f) => f.rule === 'cholelithiasis');
    expect(finding?.message).toBe('Препарат «Хофитол» содержит желчегонный компонент (экстракт листьев артишока), а у пациента желчнокаменная болезнь.');
  });

  it.each(ENGINE_ERROR_CASES)('treats %s as an input error with its path', (_what, input, path, message) => {
    const parsed = parseAssessmentInput(input);
    try {
      assess(parsed);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AssessmentInputError);
      expect((error as AssessmentInputError).issues).toEqual([{ path, message }]);
    }
  });

  it('resolves product codes with the resolver it is given', () => {
    const d = baseInput();
    d.procedure.components = [{ product: 'clinic-hofitol', volumeMl: 4 }];
    delete d.procedure.lots;
    delete d.consent;
    d.patient.conditions.push({ code: 'cholelithiasis' });
    const result = assess(parseAssessmentInput(d), {
      resolveProduct: (code) =>
        code === 'clinic-hofitol'
          ? { code, name: 'Clinic Hofitol', substances: [{ code: 'artichoke-extract', class: 'choleretic' }], intradermal: true, licensed: true }
          : undefined,
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'cholelithiasis', facts: { productName: 'Clinic Hofitol' } });
  });

  it('evaluates nothing it was not given', () => {
    expect(assess(parseAssessmentInput({ date: '2026-11-22' }))).toEqual({ decision: 'ok', findings: [] });
  });
});
