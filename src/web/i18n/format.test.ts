import { afterEach, describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from '../routes/adverse/times.ts';
import { clinicClock, clinicInstant, setClinicTimeZone } from './format.ts';

const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
afterEach(() => setClinicTimeZone(here));

// A day and time typed in a form are the clinic's, whatever the zone of the computer they are typed on.
describe('times typed in forms', () => {
  it.each([
    // zone, day, time typed, the instant meant
    ['Europe/Moscow', '2026-12-05', '09:30', '2026-12-05T06:30:00.000Z'],
    ['Asia/Vladivostok', '2026-12-05', '09:00', '2026-12-04T23:00:00.000Z'],
    ['Europe/London', '2026-07-01', '14:05', '2026-07-01T13:05:00.000Z'],
    ['Europe/London', '2026-12-01', '14:05', '2026-12-01T14:05:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'],
    ['Europe/Moscow', '2026-12-05', '', '2026-12-04T21:00:00.000Z'],
  ])('in %s, %s %s is %s', (zone, date, time, instant) => {
    setClinicTimeZone(zone);
    expect(clinicInstant(date, time)).toBe(instant);
  });

  it.each([
    ['Europe/Moscow', '2026-12-05T06:30:00.000Z', { date: '2026-12-05', time: '09:30' }],
    ['Asia/Vladivostok', '2026-12-04T23:00:00.000Z', { date: '2026-12-05', time: '09:00' }],
    ['Europe/London', '2026-12-31T23:59:00Z', { date: '2026-12-31', time: '23:59' }],
  ])('in %s, %s reads %o on the clinic clock', (zone, instant, clock) => {
    setClinicTimeZone(zone);
    expect(clinicClock(instant)).toEqual(clock);
  });

  it('round-trips the event forms’ values, and leaves unreadable text for the schema to name', () => {
    setClinicTimeZone('Asia/Vladivostok');
    expect(toLocalInput('2026-12-04T23:00:00.000Z')).toBe('2026-12-05T09:00');
    expect(fromLocalInput('2026-12-05T09:00')).toBe('2026-12-04T23:00:00.000Z');
    expect(fromLocalInput('  ')).toBeUndefined();
    expect(fromLocalInput('tomorrow')).toBe('tomorrow');
  });
});
