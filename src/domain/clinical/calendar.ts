// Calendar days of a clinic: a session's day is its date in the clinic's time zone, and a course's
// planned dates step from its first day by the interval, in whole calendar days.
import { dayNumber } from '../assessment/dates.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(instant);
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date((dayNumber(date) + days) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The planned session dates of a course: the first day, then every `intervalDays` after. */
export function plannedDates(startsOn: string, intervalDays: number, sessions: number): string[] {
  return Array.from({ length: sessions }, (_, i) => addDays(startsOn, i * intervalDays));
}
