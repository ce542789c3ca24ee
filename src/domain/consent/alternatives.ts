// Other ways to treat each indication, for the alternatives section of a consent. General
// aesthetic-medicine knowledge; the doctor adds or corrects in the additions.
import type { IndicationCode, Labels } from '../vocabulary/index.ts';

export const alternativeTexts: Record<IndicationCode, Labels> = {
  'age-changes': {
    en: 'home skin care with sun protection and retinoids, chemical peels, biorevitalisation, fillers, botulinum toxin, laser or radiofrequency treatments',
    ru: 'домашний уход с защитой от солнца и ретиноидами, химические пилинги, биоревитализация, филлеры, ботулинотерапия, лазерные и радиочастотные процедуры',
  },
  wrinkles: {
    en: 'home skin care with retinoids and sun protection, chemical peels, fillers, botulinum toxin, laser resurfacing',
    ru: 'домашний уход с ретиноидами и защитой от солнца, химические пилинги, филлеры, ботулинотерапия, лазерная шлифовка',
  },
  'skin-laxity': {
    en: 'radiofrequency or ultrasound lifting, thread lifting, biorevitalisation, surgical lifting',
    ru: 'радиочастотный или ультразвуковой лифтинг, нитевой лифтинг, биоревитализация, хирургическая подтяжка',
  },
  'dehydrated-skin': {
    en: 'moisturising home care, biorevitalisation, professional moisturising treatments',
    ru: 'увлажняющий домашний уход, биоревитализация, профессиональные увлажняющие процедуры',
  },
  hyperpigmentation: {
    en: 'strict sun protection, lightening creams prescribed by a dermatologist, chemical peels, laser or light treatments',
    ru: 'строгая защита от солнца, осветляющие средства по назначению дерматолога, химические пилинги, лазерные и световые процедуры',
  },
  rosacea: {
    en: 'treatment by a dermatologist with creams or tablets, vascular laser or light treatments, avoiding triggers',
    ru: 'лечение у дерматолога кремами или таблетками, сосудистый лазер или световые процедуры, исключение провоцирующих факторов',
  },
  'vascular-network': {
    en: 'vascular laser, light (IPL) treatment, sclerotherapy',
    ru: 'сосудистый лазер, фототерапия (IPL), склеротерапия',
  },
  acne: {
    en: 'treatment by a dermatologist (creams, antibiotics, isotretinoin), chemical peels, professional cleansing',
    ru: 'лечение у дерматолога (кремы, антибиотики, изотретиноин), химические пилинги, профессиональная чистка',
  },
  'post-acne': {
    en: 'chemical peels, microneedling, fractional laser',
    ru: 'химические пилинги, микронидлинг, фракционный лазер',
  },
  scars: {
    en: 'silicone gels, corticosteroid injections, microneedling, laser treatment, surgical revision',
    ru: 'силиконовые гели, инъекции кортикостероидов, микронидлинг, лазерное лечение, хирургическая коррекция',
  },
  'stretch-marks': {
    en: 'creams prescribed by a doctor, microneedling, fractional laser',
    ru: 'кремы по назначению врача, микронидлинг, фракционный лазер',
  },
  cellulite: {
    en: 'exercise and diet, massage and lymphatic drainage, radiofrequency and vacuum treatments, wraps',
    ru: 'физические нагрузки и питание, массаж и лимфодренаж, радиочастотные и вакуумные процедуры, обёртывания',
  },
  'localized-fat': {
    en: 'diet and exercise, cryolipolysis, ultrasound or radiofrequency treatments, liposuction',
    ru: 'питание и физические нагрузки, криолиполиз, ультразвуковые и радиочастотные процедуры, липосакция',
  },
  edema: {
    en: 'examination by a doctor for the cause of the swelling, lymphatic drainage massage, compression garments',
    ru: 'обследование у врача для выяснения причины отёков, лимфодренажный массаж, компрессионный трикотаж',
  },
  alopecia: {
    en: 'examination by a trichologist for the cause, minoxidil solution, platelet-rich plasma (PRP) injections, low-level laser therapy, hair transplantation',
    ru: 'обследование у трихолога для выяснения причины, раствор миноксидила, PRP-терапия (плазмолифтинг), низкоинтенсивная лазерная терапия, пересадка волос',
  },
  'dry-hair': {
    en: 'hair care products and treatments, correcting diet and vitamin deficiencies',
    ru: 'средства и процедуры ухода за волосами, коррекция питания и дефицита витаминов',
  },
  dandruff: {
    en: 'medicated shampoos and treatment by a dermatologist or trichologist',
    ru: 'лечебные шампуни, лечение у дерматолога или трихолога',
  },
};

/** The sentence that is always an alternative: having no treatment at all. */
export const noTreatment: Labels = {
  en: 'not having the treatment at all, or postponing it',
  ru: 'отказ от лечения или его перенос на более поздний срок',
};
