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

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in a time zone, as if it were UTC (ms since the epoch). */
function wallClock(instant: number, timeZone: string): number {
  let f = clocks.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    clocks.set(timeZone, f);
  }
  const part = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
}

/**
 * The instant a clock in a time zone shows `time` (HH:MM) on `date`. A time the clock skips (the
 * spring change) is read as the instant an hour later; a time it shows twice, as the first.
 */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number);
  const wanted = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h ?? 0, m ?? 0);
  // The zone's offsets a day either side: the same unless its clock changes in between.
  const offsetAt = (at: number) => wallClock(at, timeZone) - at;
  const before = wanted - offsetAt(wanted - 86_400_000);
  const after = wanted - offsetAt(wanted + 86_400_000);
  // Shown twice (the autumn change): the first. Skipped (the spring change): read with the offset
  // before the change, which is the instant the clock shows an hour later, east or west of Greenwich.
  const shown = [before, after].filter((c) => wallClock(c, timeZone) === wanted);
  return new Date(shown.length > 0 ? Math.min(...shown) : before);
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
