// How codes, numbers and dates read inside a finding's message, per language.
import { STARTER_SUBSTANCES_BY_CODE } from '../catalog/starter.ts';
import {
  adverseEventTypes,
  areas,
  conditions,
  label,
  substanceClasses,
  techniques,
  type AdverseEventType,
  type AreaCode,
  type ConditionCode,
  type Lang,
  type SubstanceClass,
  type TechniqueCode,
} from '../vocabulary/index.ts';

export interface Names {
  /** A substance mid-sentence: the catalog's name, or the code spelled out. */
  readonly substance: (code: string) => string;
  /** A substance class mid-sentence. */
  readonly cls: (code: SubstanceClass) => string;
  readonly area: (code: AreaCode) => string;
  readonly condition: (code: ConditionCode) => string;
  readonly adverseEvent: (type: AdverseEventType) => string;
  readonly technique: (code: TechniqueCode) => string;
  readonly num: (value: number) => string;
  readonly date: (iso: string) => string;
  /** "5 days" / "5 дней". */
  readonly days: (count: number) => string;
  /** "5 days ago" / "5 дней назад"; "today" / "сегодня" for 0. */
  readonly ago: (count: number) => string;
  readonly sessions: (count: number) => string;
  readonly components: (count: number) => string;
  readonly years: (count: number) => string;
  readonly list: (items: readonly string[]) => string;
}

/** Lower-cases the first letter unless the word is an acronym ("DMAE", "НПВС") or starts "L-". */
export function midSentence(text: string): string {
  const second = text.charAt(1);
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** Russian plural form for a count: 1 день, 2 дня, 5 дней. */
export function ruPlural(count: number, one: string, few: string, many: string): string {
  const n = Math.abs(count) % 100;
  const last = n % 10;
  if (n >= 11 && n <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

function substanceName(code: string, lang: Lang): string {
  const known = STARTER_SUBSTANCES_BY_CODE.get(code);
  return known === undefined ? code.replaceAll('-', ' ') : midSentence(known.name[lang]);
}

const en: Names = {
  substance: (code) => substanceName(code, 'en'),
  cls: (code) => midSentence(label(substanceClasses, code, 'en')),
  area: (code) => label(areas, code, 'en'),
  condition: (code) => midSentence(label(conditions, code, 'en')),
  adverseEvent: (type) => midSentence(label(adverseEventTypes, type, 'en')),
  technique: (code) => label(techniques, code, 'en'),
  num: (value) => String(round(value)),
  date: (iso) => iso,
  days: (count) => `${count} ${count === 1 ? 'day' : 'days'}`,
  ago: (count) => (count === 0 ? 'today' : `${count} ${count === 1 ? 'day' : 'days'} ago`),
  sessions: (count) => `${count} ${count === 1 ? 'session' : 'sessions'}`,
  components: (count) => `${count} ${count === 1 ? 'component' : 'components'}`,
  years: (count) => `${count} ${count === 1 ? 'year' : 'years'}`,
  list: (items) => items.join(', '),
};

const ru: Names = {
  substance: (code) => substanceName(code, 'ru'),
  cls: (code) => midSentence(label(substanceClasses, code, 'ru')),
  area: (code) => label(areas, code, 'ru'),
  condition: (code) => midSentence(label(conditions, code, 'ru')),
  adverseEvent: (type) => midSentence(label(adverseEventTypes, type, 'ru')),
  technique: (code) => label(techniques, code, 'ru'),
  num: (value) => String(round(value)).replace('.', ','),
  date: (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`,
  days: (count) => `${count} ${ruPlural(count, 'день', 'дня', 'дней')}`,
  ago: (count) => (count === 0 ? 'сегодня' : `${count} ${ruPlural(count, 'день', 'дня', 'дней')} назад`),
  sessions: (count) => `${count} ${ruPlural(count, 'сеанс', 'сеанса', 'сеансов')}`,
  components: (count) => `${count} ${ruPlural(count, 'компонент', 'компонента', 'компонентов')}`,
  years: (count) => `${count} ${ruPlural(count, 'год', 'года', 'лет')}`,
  list: (items) => items.join(', '),
};

export const NAMES: Readonly<Record<Lang, Names>> = { en, ru };
