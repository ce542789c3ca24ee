// Substance classes of mesotherapy cocktails (DESIGN §5). Allergies may name a class.
import { z } from 'zod';
import { codeError, codesWhere, defineVocabulary, type Labels } from './vocab.ts';

export const SUBSTANCE_CLASS_CODES = [
  'hyaluronic-acid',
  'vitamin',
  'trace-element',
  'amino-acid',
  'peptide',
  'collagen',
  'antioxidant',
  'organic-silicon',
  'dmae',
  'lipolytic',
  'caffeine',
  'choleretic',
  'draining',
  'vasoprotective',
  'antiseptic',
  'antibiotic',
  'nsaid',
  'corticosteroid',
  'anesthetic',
  'biologic',
  'homeopathic',
  'polynucleotide',
  'fat-emulsion',
  'other',
] as const;
export type SubstanceClass = (typeof SUBSTANCE_CLASS_CODES)[number];
export const substanceClassSchema = z.enum(SUBSTANCE_CLASS_CODES, codeError('substance class'));

export interface SubstanceClassEntry extends Labels {
  /** Counts as antiseptic / anti-inflammatory cover for an inflamed site (site-inflamed). */
  readonly antiInflammatory: boolean;
}

const c = (en: string, ru: string, antiInflammatory = false): SubstanceClassEntry => ({ en, ru, antiInflammatory });

export const substanceClasses = defineVocabulary<SubstanceClass, SubstanceClassEntry>('substance class', SUBSTANCE_CLASS_CODES, {
  'hyaluronic-acid': c('Hyaluronic acid', 'Гиалуроновая кислота'),
  vitamin: c('Vitamins', 'Витамины'),
  'trace-element': c('Trace elements', 'Микроэлементы'),
  'amino-acid': c('Amino acids', 'Аминокислоты'),
  peptide: c('Peptides', 'Пептиды'),
  collagen: c('Collagen', 'Коллаген'),
  antioxidant: c('Antioxidants', 'Антиоксиданты'),
  'organic-silicon': c('Organic silicon', 'Органический кремний'),
  dmae: c('DMAE', 'ДМАЭ'),
  lipolytic: c('Lipolytics', 'Липолитики'),
  caffeine: c('Caffeine', 'Кофеин'),
  choleretic: c('Choleretics', 'Желчегонные средства'),
  draining: c('Draining agents', 'Дренажные средства'),
  vasoprotective: c('Vasoprotectors', 'Ангиопротекторы'),
  antiseptic: c('Antiseptics', 'Антисептики', true),
  antibiotic: c('Antibiotics', 'Антибиотики', true),
  nsaid: c('NSAIDs', 'НПВС', true),
  corticosteroid: c('Corticosteroids', 'Глюкокортикостероиды', true),
  anesthetic: c('Local anaesthetics', 'Местные анестетики'),
  biologic: c('Biologics (growth factors and similar)', 'Биологические препараты (факторы роста и др.)'),
  homeopathic: c('Homeopathic (antihomotoxic) remedies', 'Гомеопатические (антигомотоксические) средства'),
  polynucleotide: c('Polynucleotides', 'Полинуклеотиды'),
  'fat-emulsion': c('Fat emulsions', 'Жировые эмульсии'),
  other: c('Other', 'Прочие'),
});

/** Classes that cover an inflamed site: antiseptic, antibiotic, NSAID, corticosteroid. */
export const ANTI_INFLAMMATORY_CLASSES: readonly SubstanceClass[] = codesWhere(substanceClasses, (e) => e.antiInflammatory);
