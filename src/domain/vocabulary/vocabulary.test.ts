import { describe, expect, it } from 'vitest';
import {
  adverseEventTypes,
  ANTI_INFLAMMATORY_CLASSES,
  areas,
  conditions,
  FACE_NECK_AREAS,
  indications,
  INJECTION_TECHNIQUES,
  label,
  photoViews,
  severityGrades,
  substanceClasses,
  techniques,
  techniqueSchema,
  type Code,
  type Vocabulary,
} from './index.ts';

const ALL: readonly Vocabulary<Code>[] = [techniques, areas, conditions, substanceClasses, adverseEventTypes, severityGrades, photoViews, indications];

describe('vocabularies', () => {
  // The codes of DESIGN §5 must exist with exactly these spellings.
  it.each([
    [techniques, ['manual', 'injector', 'papular', 'nappage', 'point', 'fractional', 'roller', 'needle-free']],
    [areas, ['face', 'neck', 'lower-eyelid', 'decollete', 'scalp', 'hands', 'abdomen', 'thighs', 'buttocks', 'arms', 'back']],
    [
      conditions,
      [
        'pregnancy', 'lactation', 'menstruation', 'recent-surgery', 'skin-malignancy', 'coagulopathy', 'anticoagulants', 'site-inflamed',
        'site-broken', 'keloid', 'cholelithiasis', 'fibromyalgia', 'diabetes-decompensated', 'autoimmune', 'epilepsy', 'isotretinoin',
        'compositae-allergy', 'fish-allergy',
      ],
    ],
    [
      substanceClasses,
      [
        'hyaluronic-acid', 'vitamin', 'trace-element', 'amino-acid', 'peptide', 'collagen', 'antioxidant', 'organic-silicon', 'dmae',
        'lipolytic', 'caffeine', 'choleretic', 'draining', 'vasoprotective', 'antiseptic', 'antibiotic', 'nsaid', 'corticosteroid',
        'anesthetic', 'biologic', 'homeopathic', 'polynucleotide', 'fat-emulsion', 'other',
      ],
    ],
    [
      adverseEventTypes,
      [
        'pain', 'burning', 'erythema', 'bruising', 'edema', 'papules', 'nodule', 'inflammation', 'infection', 'necrosis', 'hyperpigmentation',
        'hypopigmentation', 'scarring', 'allergic-local', 'angioedema', 'anaphylaxis', 'vagal', 'insufficient-effect', 'slow-effect', 'sagging',
      ],
    ],
    [severityGrades, [1, 2, 3, 4, 5]],
    [photoViews, ['front', 'left-45', 'right-45', 'left-90', 'right-90', 'scalp-top']],
    [
      indications,
      [
        'age-changes', 'wrinkles', 'hyperpigmentation', 'rosacea', 'stretch-marks', 'scars', 'acne', 'post-acne', 'cellulite', 'alopecia',
        'dry-hair', 'dandruff', 'skin-laxity', 'vascular-network', 'edema',
      ],
    ],
  ] as const)('%s holds the codes of the contract', (vocab, codes) => {
    for (const code of codes) expect(vocab.has(code), String(code)).toBe(true);
  });

  it('labels every code in English and in Russian', () => {
    for (const vocab of ALL) {
      expect(new Set(vocab.codes).size).toBe(vocab.codes.length);
      for (const code of vocab.codes) {
        expect(label(vocab, code, 'en')).toMatch(/^[A-Z]/);
        expect(label(vocab, code, 'ru')).toMatch(/[А-ЯЁ]/);
      }
    }
  });

  it('marks every technique but needle-free as an injection', () => {
    expect(INJECTION_TECHNIQUES).toEqual(techniques.codes.filter((c) => c !== 'needle-free'));
  });

  it('counts face, neck and lower eyelid towards the face limit', () => {
    expect(FACE_NECK_AREAS).toEqual(expect.arrayContaining(['face', 'neck', 'lower-eyelid']));
    expect(FACE_NECK_AREAS).not.toContain('decollete');
    expect(FACE_NECK_AREAS).not.toContain('scalp');
  });

  it('counts antiseptic, antibiotic, NSAID and corticosteroid as anti-inflammatory', () => {
    expect([...ANTI_INFLAMMATORY_CLASSES].sort()).toEqual(['antibiotic', 'antiseptic', 'corticosteroid', 'nsaid']);
  });

  it('asks for onset and area where the rules need them', () => {
    expect(conditions.codes.filter((c) => conditions.entries[c].needsOnset)).toEqual(['recent-surgery', 'isotretinoin', 'recent-vaccine', 'recent-antibiotics']);
    expect(conditions.codes.filter((c) => conditions.entries[c].needsArea)).toEqual(['site-inflamed', 'site-broken']);
  });

  it('marks the expected, self-limiting reactions', () => {
    expect(adverseEventTypes.codes.filter((t) => adverseEventTypes.entries[t].expected)).toEqual(['pain', 'burning', 'erythema', 'bruising', 'edema', 'papules']);
    expect(adverseEventTypes.entries.papules.followUpHours).toBe(72);
  });

  it('gives an unknown code back as itself and names the vocabulary in errors', () => {
    expect(label(techniques, 'laser' as 'manual', 'ru')).toBe('laser');
    expect(techniqueSchema.safeParse('laser').error?.issues[0]?.message).toBe('unknown technique code "laser"');
  });
});
