// Rules driven by the patient's conditions (CLINICAL_RULES §2 and §6).
import { ANTI_INFLAMMATORY_CLASSES, areas, conditions, techniques, CONDITION_CODES, type ConditionCode } from '../../vocabulary/index.ts';
import { addMonths, ageInYears, dayNumber } from '../dates.ts';
import { AssessmentInputError } from '../errors.ts';
import type { PatientCondition } from '../input-schema.ts';
import { CLASS_BIT, maskOf } from '../product-profile.ts';
import type { Run } from '../run.ts';

const CONDITION_BIT = Object.fromEntries(CONDITION_CODES.map((code, i) => [code, 1 << i])) as Record<ConditionCode, number>;
const ANTI_INFLAMMATORY = maskOf(ANTI_INFLAMMATORY_CLASSES);

/** Runs every condition rule once per condition (site conditions once per area). */
export function conditionRules(run: Run): void {
  const patient = run.input.patient;
  if (patient === undefined) return;
  if (patient.birthDate !== undefined) ageMinor(run, patient.birthDate);
  const list = patient.conditions;
  if (list === undefined) return;
  let seen = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === undefined) continue;
    const bit = CONDITION_BIT[c.code];
    if (bit === undefined) throw new AssessmentInputError([{ path: `patient.conditions[${i}].code`, message: `unknown condition code ${JSON.stringify(c.code)}` }]);
    // A condition recorded twice is one fact; an inflamed site is one fact per area.
    if (!conditions.entries[c.code].needsArea) {
      if ((seen & bit) !== 0) continue;
      seen |= bit;
    }
    condition(run, c);
  }
}

function ageMinor(run: Run, birthDate: string): void {
  const s = run.settings;
  const ageYears = ageInYears(birthDate, run.date);
  if (ageYears < s.minAgeYears) {
    run.add('age-minor', 'block', { ageYears, thresholdYears: s.minAgeYears, guardianConsentUnderYears: s.guardianConsentUnderYears });
  }
}

function condition(run: Run, c: PatientCondition): void {
  const s = run.settings;
  switch (c.code) {
    case 'pregnancy':
      if (run.injection) run.add('pregnancy', 'block', { condition: c.code });
      return;
    case 'lactation':
      if (run.injection) run.add('lactation', 'block', { condition: c.code });
      return;
    case 'menstruation':
      if (run.injection) run.add('menstruation', 'warn', { condition: c.code });
      return;
    case 'recent-surgery':
      return withinDays(run, c, 'recent-surgery', 'warn', s.recentSurgeryDays);
    case 'skin-malignancy':
      run.add('skin-malignancy', 'block', { condition: c.code });
      return;
    case 'coagulopathy': {
      if (!run.injection) return;
      const depthMm = run.input.procedure?.depthMm;
      run.add('coagulopathy', 'block', depthMm === undefined ? { condition: c.code } : { condition: c.code, depthMm });
      return;
    }
    case 'anticoagulants':
      if (run.injection) run.add('anticoagulants', 'warn', { condition: c.code });
      return;
    case 'site-inflamed':
      return siteInflamed(run, c);
    case 'site-broken':
      if (c.area !== undefined && run.treats(c.area) === true) run.add('site-broken', 'block', { condition: c.code, area: c.area });
      return;
    case 'keloid':
      run.add('keloid', 'warn', { condition: c.code });
      return;
    case 'cholelithiasis':
      // cholelithiasis: a choleretic (artichoke extract, Hofitol) is contraindicated with gallstones.
      if ((run.classMask & CLASS_BIT.choleretic) === 0) return;
      for (const p of run.components) {
        const sub = p.facts.substances.find((x) => x.class === 'choleretic');
        if (sub !== undefined) run.add('cholelithiasis', 'block', { condition: c.code, product: p.key, productName: p.name, substance: sub.code });
      }
      return;
    case 'fibromyalgia':
      // caffeine-sensitive: caffeine makes the points of a fibromyalgia patient markedly painful.
      if ((run.classMask & CLASS_BIT.caffeine) === 0) return;
      for (const p of run.components) {
        if ((p.profile.classMask & CLASS_BIT.caffeine) !== 0) {
          run.add('caffeine-sensitive', 'info', { condition: c.code, product: p.key, productName: p.name });
        }
      }
      return;
    case 'diabetes-decompensated':
      run.add('diabetes-decompensated', 'block', { condition: c.code });
      return;
    case 'autoimmune':
    case 'epilepsy':
      // Recorded for the doctor; CLINICAL_RULES gives them no engine rule.
      return;
    case 'isotretinoin':
      return isotretinoin(run, c);
    case 'compositae-allergy':
      for (const p of run.components) {
        const sub = p.profile.compositae;
        if (sub !== undefined) run.add('compositae-allergy', 'block', { condition: c.code, product: p.key, productName: p.name, substance: sub.code });
      }
      return;
    case 'fish-allergy':
      for (const p of run.components) {
        const sub = p.profile.fish;
        if (sub !== undefined) run.add('fish-allergy', 'warn', { condition: c.code, product: p.key, productName: p.name, substance: sub.code });
      }
      return;
    case 'recent-vaccine':
      return withinDays(run, c, 'recent-vaccine', 'info', s.recentVaccineDays);
    case 'recent-antibiotics':
      return withinDays(run, c, 'recent-antibiotics', 'info', s.recentAntibioticsDays);
  }
}

/** A dated condition counts while no more than `thresholdDays` have passed since its onset. */
function withinDays(
  run: Run,
  c: PatientCondition,
  rule: 'recent-surgery' | 'recent-vaccine' | 'recent-antibiotics',
  level: 'warn' | 'info',
  thresholdDays: number,
): void {
  if (c.onset === undefined) return;
  const days = run.day - dayNumber(c.onset);
  if (days <= thresholdDays) run.add(rule, level, { condition: rule, onset: c.onset, days, thresholdDays });
}

// site-inflamed: warn when the cocktail carries antiseptic / anti-inflammatory cover, else block.
function siteInflamed(run: Run, c: PatientCondition): void {
  const area = c.area;
  if (area === undefined || run.treats(area) !== true) return;
  const cover: string[] = [];
  if ((run.classMask & ANTI_INFLAMMATORY) !== 0) {
    for (const p of run.components) if ((p.profile.classMask & ANTI_INFLAMMATORY) !== 0) cover.push(p.name);
  }
  run.add('site-inflamed', cover.length > 0 ? 'warn' : 'block', { condition: 'site-inflamed', area, antiInflammatoryProducts: cover });
}

// isotretinoin: within N months of the last dose, skin treated on the face or by needling heals poorly.
function isotretinoin(run: Run, c: PatientCondition): void {
  if (c.onset === undefined) return;
  const months = run.settings.isotretinoinMonths;
  if (addMonths(c.onset, months) < run.date) return;
  const treated = run.input.procedure?.areas;
  const face = treated?.some((a) => areas.entries[a.area].faceNeck) === true;
  const needling = run.technique !== undefined && techniques.entries[run.technique].needling;
  if (!face && !needling) return;
  run.add('isotretinoin', 'warn', { condition: 'isotretinoin', onset: c.onset, thresholdMonths: months, reason: face ? 'face' : 'needling' });
}
