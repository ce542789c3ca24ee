import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema, DEFAULT_SETTINGS, NUMERIC_SETTING_NAMES, NUMERIC_SETTINGS, resolveSettings } from './settings.ts';
import { RULE_IDS, RULES, SWITCHABLE_RULE_IDS } from './rules.ts';

describe('settings', () => {
  it.each([
    ['minIntervalDays', 7],
    ['maxComponents', 5],
    ['minSessionVolumeMl', 4],
    ['maxSessionVolumeMl', 20],
    ['maxFaceNeckVolumeMl', 5],
    ['maxDepthMm', 4],
    ['recentSurgeryDays', 30],
    ['maxPlannedSessions', 12],
    ['minAgeYears', 18],
    ['lipolyticIntervalDays', 28],
    ['isotretinoinMonths', 6],
    ['recentVaccineDays', 7],
    ['recentAntibioticsDays', 14],
    ['openAdverseEventBlockGrade', 3],
    ['lidocaineMgPerKg', 4.5],
    ['lidocaineMaxMg', 300],
    ['lidocaineAdrenalineMgPerKg', 7],
    ['lidocaineAdrenalineMaxMg', 500],
  ] as const)('defaults %s to %d as the rules document says', (name, value) => {
    expect(DEFAULT_SETTINGS[name]).toBe(value);
  });

  it('keeps every default inside its range and names rules that exist', () => {
    for (const name of NUMERIC_SETTING_NAMES) {
      const s = NUMERIC_SETTINGS[name];
      expect(s.default).toBeGreaterThanOrEqual(s.min);
      expect(s.default).toBeLessThanOrEqual(s.max);
      for (const rule of s.rules) expect(RULE_IDS).toContain(rule);
      expect(s.label.ru).toMatch(/[А-Яа-я]/);
    }
  });

  it('switches on every §6 rule by default and only those', () => {
    expect(Object.entries(DEFAULT_SETTINGS.rules).every(([, on]) => on)).toBe(true);
    expect(SWITCHABLE_RULE_IDS).toEqual(RULE_IDS.filter((id) => RULES[id].source.startsWith('research:')));
  });

  it.each(NUMERIC_SETTING_NAMES.map((name) => [name, NUMERIC_SETTINGS[name]] as const))('accepts %s at both ends of its range and rejects one step past', (name, s) => {
    const step = s.integer ? 1 : 0.1;
    expect(clinicSettingsSchema.safeParse({ [name]: s.min }).success).toBe(name !== 'maxSessionVolumeMl' || s.min >= DEFAULT_SETTINGS.minSessionVolumeMl);
    expect(clinicSettingsSchema.safeParse({ [name]: s.max }).success).toBe(name !== 'minSessionVolumeMl' || s.max <= DEFAULT_SETTINGS.maxSessionVolumeMl);
    expect(clinicSettingsSchema.safeParse({ [name]: s.min - step }).success).toBe(false);
    expect(clinicSettingsSchema.safeParse({ [name]: s.max + step }).success).toBe(false);
  });

  it('fills in defaults around what a clinic changed', () => {
    const settings = resolveSettings({ minIntervalDays: 10, rules: { 'age-minor': false } });
    expect(settings.minIntervalDays).toBe(10);
    expect(settings.maxComponents).toBe(5);
    expect(settings.rules['age-minor']).toBe(false);
    expect(settings.rules['fish-allergy']).toBe(true);
    expect(resolveSettings(undefined)).toBe(DEFAULT_SETTINGS);
  });
});
