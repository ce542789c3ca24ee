// Clinic settings: every threshold of CLINICAL_RULES as a named setting with the rules document's
// default and a sane range, plus on/off switches for the §6 rules (on by default).
import { z } from 'zod';
import type { Labels } from '../vocabulary/index.ts';
import { SWITCHABLE_RULE_IDS, type RuleId, type SwitchableRuleId } from './rules.ts';

export interface NumericSetting {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly unit: 'days' | 'months' | 'years' | 'ml' | 'mm' | 'mg' | 'mg/kg' | 'count' | 'grade';
  readonly rules: readonly RuleId[];
  readonly label: Labels;
}

const n = (
  def: number,
  min: number,
  max: number,
  unit: NumericSetting['unit'],
  rules: readonly RuleId[],
  en: string,
  ru: string,
): NumericSetting => ({ default: def, min, max, integer: ['days', 'months', 'years', 'count', 'grade'].includes(unit), unit, rules, label: { en, ru } });

export const NUMERIC_SETTINGS = {
  minIntervalDays: n(7, 1, 90, 'days', ['interval-short'], 'Minimum days between sessions', 'Минимальный интервал между сеансами, дней'),
  maxComponents: n(5, 1, 20, 'count', ['too-many-components'], 'Maximum components in a cocktail', 'Максимум компонентов в коктейле'),
  minSessionVolumeMl: n(4, 0, 50, 'ml', ['dose-low'], 'Minimum session volume, ml', 'Минимальный объём за сеанс, мл'),
  maxSessionVolumeMl: n(20, 1, 100, 'ml', ['dose-high', 'deep-injection'], 'Maximum session volume, ml', 'Максимальный объём за сеанс, мл'),
  maxFaceNeckVolumeMl: n(5, 0.5, 50, 'ml', ['dose-high', 'deep-injection'], 'Maximum face and neck volume, ml', 'Максимальный объём на лицо и шею, мл'),
  maxDepthMm: n(4, 0.5, 15, 'mm', ['deep-injection'], 'Maximum depth, mm', 'Максимальная глубина введения, мм'),
  intradermalMaxDepthMm: n(4, 0.5, 10, 'mm', ['lipolytic-superficial'], 'Deepest intradermal placement, mm', 'Предельная глубина внутрикожного введения, мм'),
  recentSurgeryDays: n(30, 1, 365, 'days', ['recent-surgery'], 'Days after surgery to wait', 'Ожидание после операции, дней'),
  maxPlannedSessions: n(12, 1, 52, 'count', ['course-long'], 'Maximum sessions in a course', 'Максимум сеансов в курсе'),
  minAgeYears: n(18, 12, 25, 'years', ['age-minor'], 'Minimum age, years', 'Минимальный возраст, лет'),
  guardianConsentUnderYears: n(15, 0, 18, 'years', ['age-minor'], 'Guardian consents below this age', 'Согласие законного представителя до возраста, лет'),
  lipolyticIntervalDays: n(28, 7, 90, 'days', ['lipolytic-interval'], 'Days between lipolytic sessions', 'Интервал между липолитическими сеансами, дней'),
  isotretinoinMonths: n(6, 1, 24, 'months', ['isotretinoin'], 'Months to wait after isotretinoin', 'Ожидание после изотретиноина, месяцев'),
  recentVaccineDays: n(7, 1, 60, 'days', ['recent-vaccine'], 'Days to wait after a vaccination', 'Ожидание после вакцинации, дней'),
  recentAntibioticsDays: n(14, 1, 60, 'days', ['recent-antibiotics'], 'Days to wait after antibiotics', 'Ожидание после антибиотиков, дней'),
  openAdverseEventBlockGrade: n(3, 1, 5, 'grade', ['open-adverse-event'], 'Open adverse event blocks from grade', 'Открытое нежелательное явление блокирует с степени'),
  lidocaineMgPerKg: n(4.5, 1, 7, 'mg/kg', ['anesthetic-dose'], 'Lidocaine limit, mg/kg', 'Предельная доза лидокаина, мг/кг'),
  lidocaineMaxMg: n(300, 50, 500, 'mg', ['anesthetic-dose'], 'Lidocaine ceiling, mg', 'Максимальная доза лидокаина, мг'),
  lidocaineAdrenalineMgPerKg: n(7, 1, 10, 'mg/kg', ['anesthetic-dose'], 'Lidocaine with adrenaline limit, mg/kg', 'Предельная доза лидокаина с адреналином, мг/кг'),
  lidocaineAdrenalineMaxMg: n(500, 50, 700, 'mg', ['anesthetic-dose'], 'Lidocaine with adrenaline ceiling, mg', 'Максимальная доза лидокаина с адреналином, мг'),
} as const satisfies Record<string, NumericSetting>;

export type NumericSettingName = keyof typeof NUMERIC_SETTINGS;
export const NUMERIC_SETTING_NAMES = Object.keys(NUMERIC_SETTINGS) as NumericSettingName[];

export type RuleSwitches = { readonly [K in SwitchableRuleId]: boolean };
export type Settings = { readonly [K in NumericSettingName]: number } & { readonly rules: RuleSwitches };

export const DEFAULT_RULE_SWITCHES: RuleSwitches = Object.freeze(
  Object.fromEntries(SWITCHABLE_RULE_IDS.map((id) => [id, true])) as Record<SwitchableRuleId, boolean>,
);
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  ...(Object.fromEntries(NUMERIC_SETTING_NAMES.map((name) => [name, NUMERIC_SETTINGS[name].default])) as Record<NumericSettingName, number>),
  rules: DEFAULT_RULE_SWITCHES,
});

function settingSchema(s: NumericSetting): z.ZodNumber {
  const range = `must be between ${s.min} and ${s.max}`;
  const base = z.number({ error: 'must be a number' }).min(s.min, { error: range }).max(s.max, { error: range });
  return s.integer ? base.int({ error: 'must be a whole number' }) : base;
}

const numericShape = Object.fromEntries(
  NUMERIC_SETTING_NAMES.map((name) => [name, settingSchema(NUMERIC_SETTINGS[name]).optional()]),
) as { [K in NumericSettingName]: z.ZodOptional<z.ZodNumber> };
const switchShape = Object.fromEntries(SWITCHABLE_RULE_IDS.map((id) => [id, z.boolean({ error: 'must be true or false' }).optional()])) as {
  [K in SwitchableRuleId]: z.ZodOptional<z.ZodBoolean>;
};

/** A clinic's own settings: only what differs from the defaults; ranges checked. Stored per clinic. */
export const clinicSettingsSchema = z
  .strictObject({ ...numericShape, rules: z.strictObject(switchShape).optional() })
  .superRefine((partial, ctx) => {
    const min = partial.minSessionVolumeMl ?? DEFAULT_SETTINGS.minSessionVolumeMl;
    const max = partial.maxSessionVolumeMl ?? DEFAULT_SETTINGS.maxSessionVolumeMl;
    if (min > max) {
      ctx.addIssue({
        code: 'custom',
        path: [partial.minSessionVolumeMl === undefined ? 'maxSessionVolumeMl' : 'minSessionVolumeMl'],
        message: `minimum session volume (${min} ml) must not exceed the maximum (${max} ml)`,
      });
    }
  });
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

// Unfrozen copies to spread from: V8 copies a frozen object several times slower.
const NUMERIC_TEMPLATE: Record<NumericSettingName, number> = { ...DEFAULT_SETTINGS };
const SWITCH_TEMPLATE: Record<SwitchableRuleId, boolean> = { ...DEFAULT_RULE_SWITCHES };

/** A clinic's settings with every default filled in. */
export function resolveSettings(partial: ClinicSettings | undefined): Settings {
  if (partial === undefined) return DEFAULT_SETTINGS;
  // Runs once per assessment, in the engine's hot path: copy the template, then only the keys given.
  const out: Record<NumericSettingName, number> & { rules: RuleSwitches } = { ...NUMERIC_TEMPLATE, rules: DEFAULT_RULE_SWITCHES };
  let key: keyof ClinicSettings;
  for (key in partial) {
    if (key === 'rules') continue;
    const value = partial[key];
    if (value !== undefined) out[key] = value;
  }
  const switches = partial.rules;
  if (switches !== undefined) {
    const rules = { ...SWITCH_TEMPLATE };
    let id: SwitchableRuleId;
    for (id in switches) {
      const on = switches[id];
      if (on !== undefined) rules[id] = on;
    }
    out.rules = rules;
  }
  return out;
}
