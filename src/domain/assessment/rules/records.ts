// Rules on the records around the session: lots, consent, history, the clinic's kit, the plan.
import { dayNumber } from '../dates.ts';
import type { Lot } from '../input-schema.ts';
import type { ResolvedComponent, Run } from '../run.ts';

/** lot-expired, lot-recalled and lot-missing (the last only when lots are given at all). */
export function lotRules(run: Run): void {
  const lots = run.input.procedure?.lots;
  if (lots === undefined) return;
  for (const p of run.components) {
    let found = false;
    for (const lot of lots) {
      if (lot.product !== p.key) continue;
      found = true;
      lotFacts(run, p, lot);
    }
    // lot-missing: every administered product must be traceable to a lot and its expiry.
    if (!found) run.add('lot-missing', 'block', { product: p.key, productName: p.name, missing: 'lot' });
  }
}

function lotFacts(run: Run, p: ResolvedComponent, lot: Lot): void {
  const number = lot.lot ?? null;
  if (lot.recalled === true) run.add('lot-recalled', 'block', { product: p.key, productName: p.name, lot: number });
  // lot-expired: `expires` is the last day the lot may be used.
  if (lot.expires !== undefined && run.date > lot.expires) {
    run.add('lot-expired', 'block', { product: p.key, productName: p.name, lot: number, expires: lot.expires, date: run.date });
  }
  if (lot.lot === undefined) run.add('lot-missing', 'block', { product: p.key, productName: p.name, missing: 'lot-number' });
  if (lot.expires === undefined) run.add('lot-missing', 'block', { product: p.key, productName: p.name, missing: 'expiry' });
}

/** no-consent: a consent that is unsigned, withdrawn, or does not cover these drugs or this many sessions. */
export function consentRules(run: Run): void {
  const consent = run.input.consent;
  if (consent === undefined) return;
  if (!consent.signed) run.add('no-consent', 'block', { reason: 'unsigned' });
  if (consent.withdrawn === true) run.add('no-consent', 'block', { reason: 'withdrawn' });
  const products = consent.products;
  if (products !== undefined) {
    for (const p of run.components) {
      if (!products.includes(p.key)) run.add('no-consent', 'block', { reason: 'product-not-covered', product: p.key, productName: p.name });
    }
  }
  const consentSessions = consent.sessions;
  if (consentSessions === undefined) return;
  const sessionNumber = run.input.history?.sessionNumber;
  if (sessionNumber !== undefined && sessionNumber > consentSessions) {
    run.add('no-consent', 'block', { reason: 'sessions-exceeded', sessionNumber, consentSessions });
  }
  const plannedSessions = run.input.plan?.plannedSessions;
  if (plannedSessions !== undefined && plannedSessions > consentSessions) {
    run.add('no-consent', 'block', { reason: 'plan-exceeds', plannedSessions, consentSessions });
  }
}

/** interval-short, open-adverse-event, vagal-history. */
export function historyRules(run: Run): void {
  const history = run.input.history;
  if (history === undefined) return;
  const s = run.settings;
  const last = history.lastSessionDate;
  if (last !== undefined) {
    const days = run.day - dayNumber(last);
    if (days < s.minIntervalDays) run.add('interval-short', 'warn', { basis: 'last-session', lastSessionDate: last, days, thresholdDays: s.minIntervalDays });
  }
  for (const event of history.openAdverseEvents ?? []) {
    const blockGrade = s.openAdverseEventBlockGrade;
    run.add('open-adverse-event', event.grade >= blockGrade ? 'block' : 'warn', { type: event.type, grade: event.grade, blockGrade });
  }
  if (history.vagalReaction === true) run.add('vagal-history', 'warn', {});
}

/** emergency-kit: injections need a complete anti-shock kit in date. */
export function clinicRules(run: Run): void {
  const kit = run.input.clinic?.emergencyKit;
  if (kit === undefined || !run.injection) return;
  if (!kit.complete) run.add('emergency-kit', 'block', { reason: 'incomplete' });
  if (kit.expires !== undefined && run.date > kit.expires) run.add('emergency-kit', 'block', { reason: 'expired', expires: kit.expires, date: run.date });
}

/** course-long, cellulite-mono, and interval-short for a plan that spaces sessions too closely. */
export function planRules(run: Run): void {
  const plan = run.input.plan;
  if (plan === undefined) return;
  const s = run.settings;
  if (plan.plannedSessions > s.maxPlannedSessions) run.add('course-long', 'warn', { plannedSessions: plan.plannedSessions, threshold: s.maxPlannedSessions });
  if (plan.intervalDays !== undefined && plan.intervalDays < s.minIntervalDays) {
    run.add('interval-short', 'warn', { basis: 'plan', plannedIntervalDays: plan.intervalDays, thresholdDays: s.minIntervalDays });
  }
  if (plan.indications.includes('cellulite')) run.add('cellulite-mono', 'info', { indication: 'cellulite' });
}
