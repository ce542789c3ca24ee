import { describe, expect, it } from 'vitest';
import { todayMessage } from './messages.ts';

const lot = (n: string) => ({ lotId: n, lotNumber: `dmae-3 ${n}`, lot: n, productName: 'DMAE 3%', productNameRu: 'ДМАЭ 3%', expiresOn: '2026-11-30', onHandMl: 5 });

describe('the lines of the day list', () => {
  it.each([
    ['overdue-follow-ups', { count: 1 }, 'en', '1 follow-up overdue'],
    ['overdue-follow-ups', { count: 4 }, 'en', '4 follow-ups overdue'],
    ['overdue-follow-ups', { count: 1 }, 'ru', '1 просроченный осмотр'],
    ['overdue-follow-ups', { count: 4 }, 'ru', '4 просроченных осмотра'],
    ['overdue-follow-ups', { count: 11 }, 'ru', '11 просроченных осмотров'],
    ['unsigned-sessions', { count: 1 }, 'en', '1 session from earlier days not signed'],
    ['unsigned-sessions', { count: 1 }, 'ru', '1 сеанс прошлых дней не подписан'],
    ['unsigned-sessions', { count: 21 }, 'ru', '21 сеанс прошлых дней не подписан'],
    ['unsigned-sessions', { count: 3 }, 'ru', '3 сеанса прошлых дней не подписаны'],
    ['unsigned-sessions', { count: 11 }, 'ru', '11 сеансов прошлых дней не подписаны'],
    ['lot-expired-in-stock', { count: 1, lots: [lot('DM2411-01')] }, 'en', '1 expired lot still in stock: DMAE 3% #DM2411-01 — write it off'],
    ['lot-expired-in-stock', { count: 2, lots: [lot('A1'), lot('B2')] }, 'ru', 'На складе 2 просроченные серии: ДМАЭ 3% #A1, ДМАЭ 3% #B2 — списать'],
    ['lot-expiring', { count: 1, lots: [lot('A1')], withinDays: 30 }, 'en', '1 lot expires within 30 days: DMAE 3% #A1'],
    ['lot-expiring', { count: 5, lots: [lot('A1')], withinDays: 21 }, 'ru', 'В ближайшие 21 день истекает срок годности: 5 серий — ДМАЭ 3% #A1'],
    ['kit-item-expiring', { name: 'Atropine', expiresOn: '2026-12-24', expiresInDays: 1 }, 'en', 'Kit item expires in 1 day: Atropine (24 December 2026)'],
    ['kit-item-expired', { name: 'Атропин', expiresOn: '2026-12-01', blocking: false }, 'ru', 'Истёк срок годности в аптечке: Атропин (до 1 декабря 2026 г.)'],
    ['kit-incomplete', { missing: [{ id: null, name: 'antihistamine', kind: 'antihistamine' }, { id: 'x', name: 'Adrenaline 0.1%', kind: 'adrenaline' }] }, 'en', 'Anti-shock kit incomplete (missing: an antihistamine, Adrenaline 0.1%): injection sessions are refused until it is restocked'],
    ['suspected-outbreak', { type: 'infection', daysAfterSession: 21, otherPatients: 1 }, 'ru', 'Подозрение на атипичную микобактериальную инфекцию (инфекция, через 21 день после сеанса); те же серии получили ещё 1 пациент'],
  ] as const)('%s (%s, %s)', (kind, facts, lang, line) => {
    expect(todayMessage(kind, facts, lang)).toBe(line);
  });
});
