// Formatting of dates, money and lists inside consent texts, per language.
import type { Lang } from '../vocabulary/index.ts';

const locales: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };

/** A calendar date (YYYY-MM-DD) in words: "22 November 2026", "22 ноября 2026 г.". */
export function formatDate(date: string, lang: Lang): string {
  const d = new Date(`${date}T12:00:00Z`);
  return new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** An instant as date and time in a time zone: "22 Nov 2026, 14:05 (Europe/Moscow)". */
export function formatInstant(at: Date, lang: Lang, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(at);
  return `${text} (${timeZone})`;
}

/** Integer minor units of a currency as money text: 350000 RUB → "3 500,00 ₽". */
export function formatMoney(minor: number, currency: string, lang: Lang): string {
  const f = new Intl.NumberFormat(locales[lang], { style: 'currency', currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  // Spaces inside numbers become plain spaces: the text is read as plain text too.
  return f.format(minor / 10 ** digits).replace(/[\u202f\u00a0]/g, ' ');
}

/** "a, b and c" / "a, b и c". */
export function joinWords(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = lang === 'ru' ? ' и ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1] ?? ''}`;
}

/** Russian plural form chosen by a number: one (1, 21), few (2–4, 22–24), many (5–20, 25…). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** "10 sessions" / "10 сеансов". */
export function countSessions(n: number, lang: Lang): string {
  return lang === 'ru' ? `${n} ${ruPlural(n, 'сеанс', 'сеанса', 'сеансов')}` : `${n} ${n === 1 ? 'session' : 'sessions'}`;
}

/** "7 days" / "7 дней". */
export function countDays(n: number, lang: Lang): string {
  return lang === 'ru' ? `${n} ${ruPlural(n, 'день', 'дня', 'дней')}` : `${n} ${n === 1 ? 'day' : 'days'}`;
}
