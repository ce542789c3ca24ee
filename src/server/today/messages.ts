// One line per alert of the day list, in English or Russian: counted nouns in their plural forms,
// dates in words, lots by product name and number (not by catalog code).
import { countDays, formatDate, ruPlural } from '../../domain/consent/format.ts';
import type { TodayAlertKind } from '../../domain/api/today.ts';
import { adverseEventTypes, label, type Lang } from '../../domain/vocabulary/index.ts';

type Facts = Record<string, unknown>;
const s = (f: Facts, k: string): string => {
  const v = f[k];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};
const n = (f: Facts, k: string) => Number(f[k] ?? 0);
const eventType = (f: Facts, lang: Lang) => (adverseEventTypes.has(s(f, 'type')) ? label(adverseEventTypes, s(f, 'type'), lang).toLowerCase() : s(f, 'type'));
const date = (f: Facts, k: string, lang: Lang) => (s(f, k) ? formatDate(s(f, k), lang) : '');
const en = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;
const ru = (count: number, one: string, few: string, many: string) => `${count} ${ruPlural(count, one, few, many)}`;

const kitKinds: Record<string, Record<Lang, string>> = {
  adrenaline: { en: 'adrenaline', ru: 'адреналин' },
  antihistamine: { en: 'an antihistamine', ru: 'антигистаминное' },
  corticosteroid: { en: 'a corticosteroid', ru: 'глюкокортикостероид' },
};

/** The names in a list of facts: lots as "product #number", kit items by name (a missing kind by its label). */
function list(f: Facts, k: string, lang: Lang): string {
  const items = Array.isArray(f[k]) ? (f[k] as { id?: string | null; name?: string; kind?: string; lot?: string; productName?: string; productNameRu?: string | null; lotNumber?: string }[]) : [];
  return items
    .map((x) => {
      if (x.lot !== undefined && x.productName) return `${(lang === 'ru' && x.productNameRu) || x.productName} #${x.lot}`;
      if (x.id === null && x.kind && kitKinds[x.kind]) return kitKinds[x.kind]?.[lang] ?? x.kind;
      return x.name ?? x.lotNumber ?? '';
    })
    .join(', ');
}

const english: Record<TodayAlertKind, (f: Facts) => string> = {
  'kit-incomplete': (f) => `Anti-shock kit incomplete (missing: ${list(f, 'missing', 'en')}): injection sessions are refused until it is restocked`,
  'kit-item-expired': (f) => `Kit item expired: ${s(f, 'name')} (last day ${date(f, 'expiresOn', 'en')})${f.blocking ? ' — injection sessions are refused' : ''}`,
  'kit-item-expiring': (f) => `Kit item expires in ${countDays(n(f, 'expiresInDays'), 'en')}: ${s(f, 'name')} (${date(f, 'expiresOn', 'en')})`,
  'lot-expired-in-stock': (f) => `${en(n(f, 'count'), 'expired lot', 'expired lots')} still in stock: ${list(f, 'lots', 'en')} — write ${n(f, 'count') === 1 ? 'it' : 'them'} off`,
  'lot-expiring': (f) => `${en(n(f, 'count'), 'lot expires', 'lots expire')} within ${countDays(n(f, 'withinDays'), 'en')}: ${list(f, 'lots', 'en')}`,
  'suspected-outbreak': (f) =>
    `Suspected atypical mycobacterial infection (${eventType(f, 'en')}, ${countDays(n(f, 'daysAfterSession'), 'en')} after the session); ${en(n(f, 'otherPatients'), 'other patient', 'other patients')} received the same lots`,
  'lot-recall': (f) => `Lot ${s(f, 'lotNumber')} recalled: ${en(n(f, 'patients'), 'patient', 'patients')} to contact`,
  'unsigned-sessions': (f) => `${en(n(f, 'count'), 'session', 'sessions')} from earlier days not signed`,
  'overdue-follow-ups': (f) => `${en(n(f, 'count'), 'follow-up', 'follow-ups')} overdue`,
};

const russian: Record<TodayAlertKind, (f: Facts) => string> = {
  'kit-incomplete': (f) => `Противошоковая аптечка неполная (нет: ${list(f, 'missing', 'ru')}): инъекционные сеансы запрещены до пополнения`,
  'kit-item-expired': (f) => `Истёк срок годности в аптечке: ${s(f, 'name')} (до ${date(f, 'expiresOn', 'ru')})${f.blocking ? ' — инъекционные сеансы запрещены' : ''}`,
  'kit-item-expiring': (f) => `Срок годности в аптечке истекает через ${countDays(n(f, 'expiresInDays'), 'ru')}: ${s(f, 'name')} (${date(f, 'expiresOn', 'ru')})`,
  'lot-expired-in-stock': (f) => `На складе ${ru(n(f, 'count'), 'просроченная серия', 'просроченные серии', 'просроченных серий')}: ${list(f, 'lots', 'ru')} — списать`,
  'lot-expiring': (f) => `В ближайшие ${countDays(n(f, 'withinDays'), 'ru')} истекает срок годности: ${ru(n(f, 'count'), 'серия', 'серии', 'серий')} — ${list(f, 'lots', 'ru')}`,
  'suspected-outbreak': (f) =>
    `Подозрение на атипичную микобактериальную инфекцию (${eventType(f, 'ru')}, через ${countDays(n(f, 'daysAfterSession'), 'ru')} после сеанса); те же серии получили ещё ${ru(n(f, 'otherPatients'), 'пациент', 'пациента', 'пациентов')}`,
  'lot-recall': (f) => `Серия ${s(f, 'lotNumber')} отозвана: связаться с пациентами (${n(f, 'patients')})`,
  'unsigned-sessions': (f) => `${ru(n(f, 'count'), 'сеанс', 'сеанса', 'сеансов')} прошлых дней не ${n(f, 'count') % 10 === 1 && n(f, 'count') % 100 !== 11 ? 'подписан' : 'подписаны'}`,
  // "Осмотр", as the interface names a follow-up.
  'overdue-follow-ups': (f) => `${ru(n(f, 'count'), 'просроченный осмотр', 'просроченных осмотра', 'просроченных осмотров')}`,
};

/** The line of an alert in a language. */
export function todayMessage(kind: TodayAlertKind, facts: Facts, lang: Lang): string {
  return (lang === 'ru' ? russian : english)[kind](facts);
}
