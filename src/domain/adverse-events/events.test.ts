import { describe, expect, it } from 'vitest';
import { daysAfter, suspectsAtypicalInfection } from './outbreak.ts';
import { ageOn, initials, isSerious } from './regulator.ts';
import { kitItemState } from './readiness.ts';
import { DEFAULT_SAFETY_SETTINGS, resolveSafetySettings, safetySettingsSchema } from './settings.ts';
import { transitionProblem } from './status.ts';

describe('status transitions', () => {
  it.each([
    ['open', 'monitoring', undefined, 1, null],
    ['open', 'resolved', 'recovered', 1, null],
    ['monitoring', 'resolved', 'recovered-with-sequelae', 2, null],
    ['monitoring', 'open', undefined, 2, null],
    ['resolved', 'open', undefined, 1, null],
    ['resolved', 'monitoring', undefined, 1, 'to'],
    ['open', 'open', undefined, 1, 'to'],
    ['open', 'resolved', undefined, 1, 'outcome'],
    ['open', 'monitoring', 'recovered', 1, 'outcome'],
    ['open', 'resolved', 'fatal', 4, 'outcome'],
    ['open', 'resolved', 'fatal', 5, null],
  ] as const)('%s → %s (outcome %s, grade %s): problem with %s', (from, to, outcome, grade, field) => {
    expect(transitionProblem(from, to, outcome, grade)?.[0] ?? null).toBe(field);
  });
});

describe('suspected atypical mycobacterial infection', () => {
  const session = new Date('2026-09-01T10:00:00Z');
  const after = (days: number) => new Date(session.getTime() + days * 86_400_000);
  const window = { fromDays: 7, toDays: 84 };
  it.each([
    ['nodule', 42, true],
    ['abscess', 7, true],
    ['non-healing-lesion', 84, true],
    ['nodule', 6, false],
    ['nodule', 85, false],
    ['bruising', 42, false],
    ['infection', 42, false],
  ] as const)('%s %s days after the session: %s', (type, days, suspect) => {
    expect(suspectsAtypicalInfection(type, session, after(days), window)).toBe(suspect);
  });
  it('counts whole days', () => {
    expect(daysAfter(session, new Date(session.getTime() + 6.9 * 86_400_000))).toBe(6);
  });
});

describe('regulator fields', () => {
  it.each([
    [{ familyName: 'Павлова', givenName: 'Екатерина', patronymic: 'Андреевна' }, 'П.Е.А.'],
    [{ familyName: 'smith', givenName: 'Mary' }, 'S.M.'],
    [{ familyName: 'Lee', givenName: 'Ann', patronymic: ' ' }, 'L.A.'],
  ])('initials of %o are %s', (p, want) => expect(initials(p)).toBe(want));

  it.each([
    ['1984-05-30', '2026-05-29', 41],
    ['1984-05-30', '2026-05-30', 42],
    ['2000-02-29', '2026-02-28', 25],
  ])('born %s, on %s aged %s', (birth, day, age) => expect(ageOn(birth, day)).toBe(age));

  it('is serious from grade 3 or with a criterion', () => {
    expect(isSerious(2, [])).toBe(false);
    expect(isSerious(3, [])).toBe(true);
    expect(isSerious(1, ['hospitalisation'])).toBe(true);
  });
});

describe('kit item state', () => {
  it.each([
    [{ present: false, expiresOn: '2030-01-01' }, 'missing'],
    [{ present: true, expiresOn: null }, 'ok'],
    [{ present: true, expiresOn: '2026-11-21' }, 'expired'],
    [{ present: true, expiresOn: '2026-11-22' }, 'expiring'],
    [{ present: true, expiresOn: '2026-12-22' }, 'expiring'],
    [{ present: true, expiresOn: '2026-12-23' }, 'ok'],
  ])('%o on 2026-11-22 with 30 days warning: %s', (item, state) => expect(kitItemState(item, '2026-11-22', 30)).toBe(state));
});

describe('safety settings', () => {
  it('fills defaults and sorts the follow-up hours', () => {
    expect(resolveSafetySettings({})).toEqual(DEFAULT_SAFETY_SETTINGS);
    expect(resolveSafetySettings({ followUpHours: [168, 24], kitExpiryWarningDays: 14 })).toMatchObject({ followUpHours: [24, 168], kitExpiryWarningDays: 14, lotExpiryWarningDays: 30 });
  });
  it.each([
    [{ followUpHours: [] }, 'followUpHours'],
    [{ followUpHours: [72, 72] }, 'followUpHours'],
    [{ followUpHours: [0] }, 'followUpHours.0'],
    [{ kitExpiryWarningDays: 400 }, 'kitExpiryWarningDays'],
    [{ atypicalInfectionFromDays: 30, atypicalInfectionToDays: 20 }, 'atypicalInfectionToDays'],
    [{ colour: 'red' }, ''],
  ])('refuses %o naming %s', (input, path) => {
    const r = safetySettingsSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
