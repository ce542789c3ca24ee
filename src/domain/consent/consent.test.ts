import { describe, expect, it } from 'vitest';
import { composePhotoConsent, composeTreatmentConsent, planGaps, type TreatmentFacts } from './compose.ts';
import { defaultTemplate } from './default-templates.ts';
import { countSessions, formatMoney, ruPlural } from './format.ts';
import { consentCanonicalForm, consentHash, sha256Hex, type ConsentHashFacts } from './hash.ts';
import { fillTemplate, placeholdersIn, templateProblems } from './placeholders.ts';
import { planRisks } from './risks.ts';

const facts: TreatmentFacts = {
  clinicName: 'Clinic Aurora',
  patientName: 'Елена Иванова',
  patientBirthDate: '1985-04-02',
  doctorName: 'Dr. Anna Petrova',
  date: '2026-11-22',
  currency: 'RUB',
  indications: ['alopecia'],
  areas: ['scalp'],
  technique: 'manual',
  depthMm: 2,
  classes: ['vitamin', 'trace-element'],
  products: [{ code: 'hair-cocktail', name: 'HairVital', substances: ['Biotin', 'Zinc'], licensed: true, intradermal: true, registrationNumber: 'DEMO-1', volumeMl: 2 }],
  plannedSessions: 8,
  intervalDays: 7,
  expectedResults: 'Less hair shedding after 4–6 sessions.',
  postCare: 'Do not wash the hair for 24 hours.',
  priceMinor: 350_000,
  additions: null,
};

describe('planGaps', () => {
  it.each([
    ['complete plan', {}, []],
    ['no expected results', { expectedResults: null }, ['expectedResults']],
    ['blank post-care', { postCare: '   ' }, ['postCare']],
    ['no price', { priceMinor: null }, ['priceMinor']],
    ['no products', { products: [] }, ['components']],
    ['several gaps, in field order', { expectedResults: '', postCare: null }, ['expectedResults', 'postCare']],
    ['one session needs no interval', { plannedSessions: 1, intervalDays: null }, []],
  ] as const)('%s', (_name, patch, gaps) => {
    expect(planGaps({ ...facts, ...patch })).toEqual(gaps);
  });
});

describe('composeTreatmentConsent', () => {
  it.each(['en', 'ru'] as const)('fills every placeholder of the default %s template', (lang) => {
    const text = composeTreatmentConsent(defaultTemplate('treatment', lang).body, facts, lang);
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain('HairVital — Biotin, Zinc');
    expect(text).toContain(facts.expectedResults);
    expect(text).toContain(facts.postCare);
    expect(text).toContain(lang === 'ru' ? '8 сеансов' : '8 sessions');
    expect(text).toContain(lang === 'ru' ? '3 500,00 ₽' : 'RUB 3,500.00');
    expect(text).toContain(lang === 'ru' ? '28 000,00 ₽' : 'RUB 28,000.00');
    expect(text).toContain(lang === 'ru' ? 'Небольшие синяки (гематомы)' : 'Small bruises (haematomas)');
    expect(text).toContain(lang === 'ru' ? 'миноксидил' : 'minoxidil');
    expect(text).toContain(lang === 'ru' ? 'зарегистрированы и разрешены' : 'registered and approved');
  });

  it('names an off-label product and why', () => {
    const off = { ...facts, products: [{ ...facts.products[0]!, name: 'Lipo X', licensed: false, intradermal: false }] };
    const text = composeTreatmentConsent(defaultTemplate('treatment', 'en').body, off, 'en');
    expect(text).toContain('off-label');
    expect(text).toContain('Lipo X has no valid registration (licence) and is not approved for injection into the skin.');
  });

  it("carries the doctor's additions, or says there are none", () => {
    expect(composeTreatmentConsent(defaultTemplate('treatment', 'en').body, { ...facts, additions: 'Patch test first.' }, 'en')).toContain('Patch test first.');
    expect(composeTreatmentConsent(defaultTemplate('treatment', 'ru').body, facts, 'ru')).toMatch(/## 9\. Дополнительные условия врача\n\nНет\./);
  });

  it('produces a stable text: LF endings, no trailing spaces, single blank lines', () => {
    const text = composeTreatmentConsent(`${defaultTemplate('treatment', 'en').body}\r\n\r\n\r\n`, facts, 'en');
    expect(text).not.toMatch(/\r|[ \t]\n|\n{3}/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes the photo-use scope', () => {
    const text = composePhotoConsent(defaultTemplate('photo-use', 'ru').body, facts, 'teaching', 'ru');
    expect(text).toContain('для обучения медицинских специалистов');
    expect(text).not.toMatch(/\{\{/);
  });
});

describe('planRisks', () => {
  it.each([
    ['injection: the expected reactions are common', { technique: 'manual', classes: [], areas: ['face'] }, { bruising: 'common', papules: 'common', anaphylaxis: 'rare', infection: 'rare' }],
    ['needle-free: no bruising, no infection', { technique: 'needle-free', classes: [], areas: ['face'] }, { erythema: 'common', bruising: undefined, infection: undefined }],
    ['lipolytic: necrosis less rare', { technique: 'manual', classes: ['lipolytic'], areas: ['abdomen'] }, { necrosis: 'uncommon', nodule: 'uncommon' }],
    ['homeopathic: slow effect', { technique: 'manual', classes: ['homeopathic'], areas: ['face'] }, { 'slow-effect': 'common' }],
    ['hyaluronic acid under the eyes: sagging', { technique: 'manual', classes: ['hyaluronic-acid'], areas: ['lower-eyelid'] }, { sagging: 'uncommon' }],
    ['hyaluronic acid elsewhere: no sagging', { technique: 'manual', classes: ['hyaluronic-acid'], areas: ['face'] }, { sagging: undefined }],
  ] as const)('%s', (_name, input, expected) => {
    const got = Object.fromEntries(planRisks(input).map((r) => [r.type, r.frequency]));
    for (const [type, freq] of Object.entries(expected)) expect(got[type], type).toBe(freq);
  });
});

describe('templates', () => {
  it('the defaults use only known placeholders and keep every required one', () => {
    for (const kind of ['treatment', 'photo-use'] as const) for (const lang of ['en', 'ru'] as const) expect(templateProblems(kind, defaultTemplate(kind, lang).body)).toEqual({ unknown: [], missing: [] });
  });
  it('names what an edited template lost or made up', () => {
    expect(templateProblems('treatment', '# T\n{{patient.name}} {{course.risk}}')).toMatchObject({ unknown: ['course.risk'], missing: expect.arrayContaining(['course.drugs', 'course.expectedResults', 'course.postCare']) as unknown });
    expect(templateProblems('photo-use', '{{patient.name}} {{photo.scope}} {{course.drugs}}').unknown).toEqual(['course.drugs']);
  });
  it('fills placeholders, tolerating spaces inside the braces', () => {
    expect(placeholdersIn('{{ a.b }} {{c}} {{a.b}}')).toEqual(['a.b', 'c']);
    expect(fillTemplate('Hi {{ patient.name }}, {{date}}', { 'patient.name': 'Ann' })).toBe('Hi Ann, {{date}}');
  });
});

describe('format', () => {
  it.each([
    [1, 'сеанс'],
    [2, 'сеанса'],
    [5, 'сеансов'],
    [11, 'сеансов'],
    [21, 'сеанс'],
    [22, 'сеанса'],
    [112, 'сеансов'],
  ])('Russian plural of %i sessions', (n, word) => {
    expect(ruPlural(n, 'сеанс', 'сеанса', 'сеансов')).toBe(word);
    expect(countSessions(n, 'ru')).toBe(`${n} ${word}`);
  });
  it('formats minor units by the currency', () => {
    expect(formatMoney(123_456, 'RUB', 'ru')).toBe('1 234,56 ₽');
    expect(formatMoney(1500, 'JPY', 'en')).toBe('JP¥1,500');
  });
});

describe('consent hash', () => {
  const signed: ConsentHashFacts = {
    consentId: '0192a3b4-0000-7000-8000-000000000001',
    kind: 'treatment',
    language: 'ru',
    patientId: '0192a3b4-0000-7000-8000-000000000002',
    courseId: '0192a3b4-0000-7000-8000-000000000003',
    productCodes: ['b', 'a'],
    sessions: 8,
    photoUse: null,
    text: 'Текст согласия\n',
    signedAt: new Date('2026-11-22T10:00:00.123Z'),
    typedName: 'Елена Иванова',
    patientSignatureSha256: 'aa',
    doctorSignatureSha256: 'bb',
    countersignedBy: '0192a3b4-0000-7000-8000-000000000004',
  };

  it('hashes the canonical form with SHA-256', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await consentHash(signed)).toBe(await sha256Hex(consentCanonicalForm(signed)));
    expect(consentCanonicalForm(signed)).toContain('"productCodes":["a","b"]');
    expect(consentCanonicalForm(signed)).toContain('"signedAt":"2026-11-22T10:00:00.123Z"');
  });

  it('does not depend on the order of the products', async () => {
    expect(await consentHash({ ...signed, productCodes: ['a', 'b'] })).toBe(await consentHash(signed));
  });

  it.each([
    ['text', { text: 'Текст согласия \n' }],
    ['products', { productCodes: ['a'] }],
    ['sessions', { sessions: 9 }],
    ['time of signing', { signedAt: new Date('2026-11-22T10:00:00.124Z') }],
    ['typed name', { typedName: 'Елена Иванова.' }],
    ['patient signature', { patientSignatureSha256: 'ab' }],
    ['doctor', { countersignedBy: '0192a3b4-0000-7000-8000-000000000005' }],
    ['patient', { patientId: '0192a3b4-0000-7000-8000-000000000006' }],
  ])('changes when the %s changes', async (_name, patch) => {
    expect(await consentHash({ ...signed, ...patch })).not.toBe(await consentHash(signed));
  });
});
