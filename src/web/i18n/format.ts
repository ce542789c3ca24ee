// Dates and numbers in the interface language: calendar dates ('YYYY-MM-DD') are shown as they are,
// instants in the clinic's time zone.
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { instantAt, localDate } from '../../domain/clinical/calendar.ts';
import type { Lang } from './index.ts';

const locales: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };

/** The BCP 47 locale of an interface language. */
export const localeOf = (lang: Lang): string => locales[lang];

/** Today's calendar date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Formatters bound to the current language and the clinic's time zone. */
export interface Formatters {
  lang: Lang;
  /** A calendar date: 2 Apr 1985 / 2 апр. 1985 г. */
  date(iso: string | null | undefined): string;
  /** An instant, in the clinic's zone: 22 Nov 2026, 14:05. */
  dateTime(iso: string | Date | null | undefined): string;
  number(n: number, digits?: number): string;
}

/** Builds the formatters for a language and time zone. */
export function formatters(lang: Lang, timeZone: string): Formatters {
  const locale = localeOf(lang);
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  // Made once per number of digits: a list of fifty sessions formats hundreds of volumes.
  const numberFormats = new Map<number | undefined, Intl.NumberFormat>();
  const numberFormat = (digits: number | undefined): Intl.NumberFormat => {
    let f = numberFormats.get(digits);
    if (f === undefined) {
      f = new Intl.NumberFormat(locale, digits === undefined ? {} : { minimumFractionDigits: 0, maximumFractionDigits: digits });
      numberFormats.set(digits, f);
    }
    return f;
  };
  return {
    lang,
    date: (iso) => (iso ? dateFmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''),
    dateTime: (iso) => (iso ? dateTimeFmt.format(typeof iso === 'string' ? new Date(iso) : iso) : ''),
    number: (n, digits) => numberFormat(digits).format(n),
  };
}

let clinicTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Sets the zone instants are shown in (the clinic's, from GET /auth/me). */
export function setClinicTimeZone(zone: string): void {
  clinicTimeZone = zone;
}

/** The clinic's time zone: the one instants are shown in and typed times are read in. */
export const clinicZone = (): string => clinicTimeZone;

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the clinic's clock shows it: its day (YYYY-MM-DD) and time (HH:mm). */
export function clinicClock(instant: Date | string): { date: string; time: string } {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  let f = clockFormats.get(clinicTimeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: clinicTimeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    clockFormats.set(clinicTimeZone, f);
  }
  return { date: localDate(at, clinicTimeZone), time: f.format(at) };
}

/**
 * The instant (ISO) the clinic's clock shows `time` (HH:mm; midnight when empty) on `date`: what a
 * day and time typed in a form mean, whatever the zone of the computer they are typed on.
 */
export function clinicInstant(date: string, time: string): string {
  return instantAt(date, time || '00:00', clinicTimeZone).toISOString();
}

/** The formatters of the current language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lang = (i18n.language === 'ru' ? 'ru' : 'en');
  const zone = clinicTimeZone;
  return useMemo(() => formatters(lang, zone), [lang, zone]);
}
