import { describe, expect, it } from 'vitest';
import { addDays, instantAt, localDate, plannedDates } from './calendar.ts';

describe('clinic calendar', () => {
  it.each([
    ['2026-11-22T20:59:59Z', 'Europe/Moscow', '2026-11-22'],
    ['2026-11-22T21:00:00Z', 'Europe/Moscow', '2026-11-23'],
    ['2026-11-22T04:00:00Z', 'America/New_York', '2026-11-21'],
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', '2026-03-29'],
  ])('the instant %s is %s in %s', (instant, tz, day) => {
    expect(localDate(new Date(instant), tz)).toBe(day);
  });

  it.each([
    ['2026-12-05', '11:00', 'Europe/Moscow', '2026-12-05T08:00:00.000Z'],
    ['2026-12-05', '00:30', 'Europe/Moscow', '2026-12-04T21:30:00.000Z'],
    ['2026-07-01', '11:00', 'Europe/Berlin', '2026-07-01T09:00:00.000Z'],
    ['2026-12-01', '11:00', 'Europe/Berlin', '2026-12-01T10:00:00.000Z'],
    ['2026-11-22', '09:15', 'America/New_York', '2026-11-22T14:15:00.000Z'],
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['2026-12-05', '23:59', 'Asia/Kamchatka', '2026-12-05T11:59:00.000Z'],
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-04-05', '02:30', 'Australia/Sydney', '2026-04-04T15:30:00.000Z'],
    ['2026-10-04', '02:30', 'Australia/Sydney', '2026-10-03T16:30:00.000Z'],
  ])('%s at %s in %s is the instant %s', (date, time, tz, instant) => {
    expect(instantAt(date, time, tz).toISOString()).toBe(instant);
  });

  it.each([
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-27', 2, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s plus %i days is %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });

  it('steps planned dates by the interval across month ends and DST changes', () => {
    expect(plannedDates('2026-03-22', 7, 3)).toEqual(['2026-03-22', '2026-03-29', '2026-04-05']);
    expect(plannedDates('2026-10-20', 14, 2)).toEqual(['2026-10-20', '2026-11-03']);
  });
});
