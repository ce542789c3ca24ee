import { describe, expect, it } from 'vitest';
import { substanceClasses } from '../vocabulary/index.ts';
import { resolveStarterProduct, STARTER_PRODUCTS, STARTER_SUBSTANCES, STARTER_SUBSTANCES_BY_CODE, withSubstanceFlags } from './starter.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('starter catalog', () => {
  it('has unique kebab-case codes and every substance in the substance list with its class', () => {
    expect(new Set(STARTER_PRODUCTS.map((p) => p.code)).size).toBe(STARTER_PRODUCTS.length);
    expect(new Set(STARTER_SUBSTANCES.map((s) => s.code)).size).toBe(STARTER_SUBSTANCES.length);
    for (const s of STARTER_SUBSTANCES) {
      expect(s.code).toMatch(KEBAB);
      expect(substanceClasses.has(s.class)).toBe(true);
      expect(s.name.ru).toMatch(/[А-ЯЁа-яё]/);
    }
    for (const p of STARTER_PRODUCTS) {
      expect(p.code).toMatch(KEBAB);
      expect(p.registrationNumber).toMatch(/^DEMO-/);
      expect(p.ampouleMl).toBeGreaterThan(0);
      expect(p.composition.length).toBeGreaterThan(0);
      for (const c of p.composition) expect(STARTER_SUBSTANCES_BY_CODE.get(c.substance)?.class, `${p.code}/${c.substance}`).toBe(c.class);
    }
  });

  it.each([
    ['hofitol', 'choleretic'],
    ['hyalo-nx-15', 'hyaluronic-acid'],
    ['dmae-3', 'dmae'],
    ['silicium-organic', 'organic-silicon'],
    ['lipo-pc-dc', 'lipolytic'],
    ['traumaplex', 'homeopathic'],
    ['lidocaine-2', 'anesthetic'],
    ['pn-20', 'polynucleotide'],
    ['caffeine-25', 'caffeine'],
    ['drena-vasc', 'draining'],
    ['lipid-emulsion-20', 'fat-emulsion'],
    ['revita-complex', 'vitamin'],
  ] as const)('resolves %s, which holds a %s', (code, cls) => {
    expect(resolveStarterProduct(code)?.substances.some((s) => s.class === cls)).toBe(true);
  });

  it('knows lidocaine 2% is 20 mg/ml', () => {
    expect(resolveStarterProduct('lidocaine-2')?.substances).toEqual([{ code: 'lidocaine', class: 'anesthetic', concentrationMgPerMl: 20 }]);
  });

  it('holds products for the route, unlicensed and multi-dose rules', () => {
    expect(resolveStarterProduct('lipid-emulsion-20')?.intradermal).toBe(false);
    expect(STARTER_PRODUCTS.filter((p) => !p.licensed).map((p) => p.code)).toEqual(['gf-boost-x']);
    expect(resolveStarterProduct('drena-vasc')?.multiDose).toBe(true);
  });

  it('flags Asteraceae plants and fish DNA', () => {
    const traumaplex = resolveStarterProduct('traumaplex');
    expect(traumaplex?.substances.filter((s) => s.compositae).map((s) => s.code)).toEqual(
      expect.arrayContaining(['arnica-montana', 'calendula', 'chamomilla', 'echinacea']),
    );
    expect(resolveStarterProduct('pn-20')?.substances[0]?.fishDerived).toBe(true);
    expect(withSubstanceFlags({ code: 'echinacea', class: 'homeopathic' }).compositae).toBe(true);
    expect(withSubstanceFlags({ code: 'trout-dna', class: 'polynucleotide' }).fishDerived).toBe(true);
    const plain = { code: 'zinc', class: 'trace-element' } as const;
    expect(withSubstanceFlags(plain)).toBe(plain);
  });

  it('returns undefined for an unknown code', () => {
    expect(resolveStarterProduct('nope')).toBeUndefined();
  });
});
