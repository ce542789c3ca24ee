import { describe, expect, it } from 'vitest';
import { addMonths, ageInYears, dateProblem, dayNumber, daysBetween } from './dates.ts';

describe('dates', () => {
  it.each([
    ['2026-11-22', undefined],
    ['2024-02-29', undefined],
    ['2026-02-29', '2026-02-29 is not a real calendar date'],
    ['2026-04-31', '2026-04-31 is not a real calendar date'],
    ['2026-00-10', '2026-00-10 is not a real calendar date'],
    ['2026-1-5', 'must be a date as YYYY-MM-DD'],
    ['2026-11-22T10:00', 'must be a date as YYYY-MM-DD'],
  ])('dateProblem(%s)', (text, problem) => {
    expect(dateProblem(text)).toBe(problem);
  });

  it('numbers days like the UTC calendar does', () => {
    for (const date of ['1970-01-01', '1900-03-01', '2000-02-29', '2026-11-22', '2099-12-31']) {
      expect(dayNumber(date)).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    }
  });

  it.each([
    ['2026-11-15', '2026-11-22', 7],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-11-22', '2026-11-22', 0],
  ])('daysBetween(%s, %s) = %d', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['1985-04-02', '2026-11-22', 41],
    ['2008-11-22', '2026-11-22', 18],
    ['2008-11-23', '2026-11-22', 17],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('ageInYears(%s on %s) = %d', (birth, on, age) => {
    expect(ageInYears(birth, on)).toBe(age);
  });

  it.each([
    ['2026-05-22', 6, '2026-11-22'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('addMonths(%s, %d) = %s', (date, months, result) => {
    expect(addMonths(date, months)).toBe(result);
  });
});
