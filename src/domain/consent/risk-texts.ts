// What each adverse event means for the patient, in plain words, for the risks section of a
// consent. Facts from CLINICAL_RULES.md §3 and research/domain.md §4; the wording is ours.
import type { AdverseEventType, Labels } from '../vocabulary/index.ts';

export const riskTexts: Record<AdverseEventType, Labels> = {
  pain: {
    en: 'pain during the injections and tenderness for a few hours afterwards',
    ru: 'боль во время инъекций и болезненность в течение нескольких часов после них',
  },
  burning: {
    en: 'a burning or stinging feeling, usually gone within 15 minutes to 2 hours',
    ru: 'жжение или пощипывание, обычно проходящее за 15 минут – 2 часа',
  },
  erythema: {
    en: 'redness (erythema) of the treated skin, usually gone within hours; rarely it lasts longer',
    ru: 'покраснение (эритема) обработанной кожи, обычно проходящее за несколько часов; изредка держится дольше',
  },
  bruising: {
    en: 'small bruises (haematomas) at the injection points, at their worst 6–72 hours after the session and usually gone within a week',
    ru: 'небольшие синяки (гематомы) в местах уколов, наиболее заметные через 6–72 часа после сеанса и обычно проходящие за неделю',
  },
  edema: {
    en: 'swelling (oedema) of the treated area for one to two days',
    ru: 'отёк обработанной зоны в течение одного-двух дней',
  },
  papules: {
    en: 'small raised bumps at the injection points, which normally flatten within 72 hours; bumps lasting longer must be shown to the doctor',
    ru: 'небольшие бугорки (папулы) в местах уколов, которые обычно рассасываются за 72 часа; более стойкие папулы нужно показать врачу',
  },
  nodule: {
    en: 'a firm lump under the skin, which may take weeks to resolve',
    ru: 'плотный узелок под кожей, который может рассасываться несколько недель',
  },
  // Named in consents only when a plan lists them (none does by default): infection covers them.
  abscess: {
    en: 'an abscess (a painful collection of pus under the skin) that may need drainage and antibiotics',
    ru: 'абсцесс (болезненное скопление гноя под кожей), который может потребовать вскрытия и антибиотиков',
  },
  'non-healing-lesion': {
    en: 'a sore or ulcer at an injection point that does not heal and needs a doctor',
    ru: 'незаживающая ранка или язва в месте укола, требующая осмотра врача',
  },
  inflammation: {
    en: 'inflammation at the injection points (a red, tender, warm area)',
    ru: 'воспаление в местах уколов (красная, болезненная, горячая на ощупь зона)',
  },
  infection: {
    en: 'infection, including rare infections by atypical mycobacteria that show as painful lumps or sores 1–12 weeks after a session and need long treatment',
    ru: 'инфекция, в том числе редкие инфекции атипичными микобактериями, которые проявляются болезненными узлами или язвами через 1–12 недель после сеанса и требуют длительного лечения',
  },
  necrosis: {
    en: 'death of a small area of skin (necrosis), which can leave a scar',
    ru: 'омертвение небольшого участка кожи (некроз), после которого может остаться рубец',
  },
  hyperpigmentation: {
    en: 'darker patches of skin that can last weeks or months',
    ru: 'потемнение участков кожи, которое может сохраняться недели и месяцы',
  },
  hypopigmentation: {
    en: 'lighter patches of skin',
    ru: 'посветление участков кожи',
  },
  scarring: {
    en: 'scars, especially in people prone to keloid scarring',
    ru: 'рубцы, особенно при склонности к образованию келоидных рубцов',
  },
  'allergic-local': {
    en: 'a local allergic reaction: itching, rash or hives',
    ru: 'местная аллергическая реакция: зуд, сыпь, крапивница',
  },
  angioedema: {
    en: "sudden allergic swelling of the face, lips or throat (Quincke's oedema), which needs emergency treatment",
    ru: 'внезапный аллергический отёк лица, губ или горла (отёк Квинке), требующий неотложной помощи',
  },
  anaphylaxis: {
    en: 'anaphylaxis, a severe allergic reaction of the whole body that is life-threatening and is treated at once with adrenaline; the clinic keeps an emergency kit for it',
    ru: 'анафилаксия — тяжёлая аллергическая реакция всего организма, опасная для жизни; её лечат немедленно адреналином, в клинике для этого есть противошоковая аптечка',
  },
  vagal: {
    en: 'fainting or feeling faint (a vasovagal reaction: pallor, sweating, nausea, a slow pulse), especially in people afraid of needles',
    ru: 'обморок или предобморочное состояние (вазовагальная реакция: бледность, потливость, тошнота, редкий пульс), особенно у тех, кто боится уколов',
  },
  'insufficient-effect': {
    en: 'a smaller effect than hoped for, or none: the response differs from person to person',
    ru: 'эффект слабее ожидаемого или его отсутствие: реакция на лечение у всех разная',
  },
  'slow-effect': {
    en: 'a slow effect: with these products the change appears gradually, over weeks',
    ru: 'медленное наступление эффекта: при этих препаратах изменения проявляются постепенно, в течение недель',
  },
  sagging: {
    en: 'lasting swelling under the eyes followed by loose, sagging skin',
    ru: 'длительный отёк под глазами с последующим провисанием кожи',
  },
};
