// One line per alert of the day list, in English or Russian.
import { ruPlural } from '../../domain/consent/format.ts';
import type { TodayAlertKind } from '../../domain/api/today.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';

type Facts = Record<string, unknown>;
const s = (f: Facts, k: string): string => {
  const v = f[k];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};
const n = (f: Facts, k: string) => Number(f[k] ?? 0);
const list = (f: Facts, k: string) => (Array.isArray(f[k]) ? (f[k] as { name?: string; lotNumber?: string }[]).map((x) => x.name ?? x.lotNumber ?? '').join(', ') : '');

const en: Record<TodayAlertKind, (f: Facts) => string> = {
  'kit-incomplete': (f) => `Anti-shock kit incomplete (${list(f, 'missing')}): injection sessions are refused until it is restocked`,
  'kit-item-expired': (f) => `Kit item expired: ${s(f, 'name')} (last day ${s(f, 'expiresOn')})${f.blocking ? ' — injection sessions are refused' : ''}`,
  'kit-item-expiring': (f) => `Kit item expires in ${n(f, 'expiresInDays')} days: ${s(f, 'name')} (${s(f, 'expiresOn')})`,
  'lot-expired-in-stock': (f) => `${n(f, 'count')} expired lot(s) still in stock: ${list(f, 'lots')} — write them off`,
  'lot-expiring': (f) => `${n(f, 'count')} lot(s) expire within ${n(f, 'withinDays')} days: ${list(f, 'lots')}`,
  'suspected-outbreak': (f) => `Suspected atypical mycobacterial infection (${s(f, 'type')}, ${n(f, 'daysAfterSession')} days after the session); ${n(f, 'otherPatients')} other patient(s) received the same lots`,
  'lot-recall': (f) => `Lot ${s(f, 'lotNumber')} recalled: ${n(f, 'patients')} patient(s) to contact`,
  'unsigned-sessions': (f) => `${n(f, 'count')} session(s) from earlier days not signed`,
  'overdue-follow-ups': (f) => `${n(f, 'count')} follow-up(s) overdue`,
};

const ru: Record<TodayAlertKind, (f: Facts) => string> = {
  'kit-incomplete': (f) => `Противошоковая аптечка неполная (${list(f, 'missing')}): инъекционные сеансы запрещены до пополнения`,
  'kit-item-expired': (f) => `Истёк срок годности в аптечке: ${s(f, 'name')} (до ${s(f, 'expiresOn')})${f.blocking ? ' — инъекционные сеансы запрещены' : ''}`,
  'kit-item-expiring': (f) => `Срок годности в аптечке истекает через ${n(f, 'expiresInDays')} ${ruPlural(n(f, 'expiresInDays'), 'день', 'дня', 'дней')}: ${s(f, 'name')} (${s(f, 'expiresOn')})`,
  'lot-expired-in-stock': (f) => `Просроченные серии на складе (${n(f, 'count')}): ${list(f, 'lots')} — списать`,
  'lot-expiring': (f) => `Истекает срок годности серий в ближайшие ${n(f, 'withinDays')} дн. (${n(f, 'count')}): ${list(f, 'lots')}`,
  'suspected-outbreak': (f) => `Подозрение на атипичную микобактериальную инфекцию (${s(f, 'type')}, через ${n(f, 'daysAfterSession')} дн. после сеанса); те же серии получили ещё пациентов: ${n(f, 'otherPatients')}`,
  'lot-recall': (f) => `Серия ${s(f, 'lotNumber')} отозвана: связаться с пациентами (${n(f, 'patients')})`,
  'unsigned-sessions': (f) => `Не подписаны сеансы прошлых дней: ${n(f, 'count')}`,
  'overdue-follow-ups': (f) => `Просрочены контрольные контакты: ${n(f, 'count')}`,
};

/** The line of an alert in a language. */
export function todayMessage(kind: TodayAlertKind, facts: Facts, lang: Lang): string {
  return (lang === 'ru' ? ru : en)[kind](facts);
}
