// The health questionnaire a clinic asks before the first visit. Each "yes" maps to condition codes
// of the vocabulary (and, for anaesthetics, to an allergy), so the answers become history entries
// the safety engine reads. Questions that need a date ask for it: the dated rules count from it.
import type { ConditionCode, Labels, SubstanceClass } from '../vocabulary/index.ts';

export const QUESTIONNAIRE_VERSION = 1;

/** An allergy a "yes" records: a substance code of the catalog, or a substance class. */
export type MappedAllergy = { readonly substance: string } | { readonly class: SubstanceClass };

export interface Question {
  readonly id: string;
  readonly text: Labels;
  /** A "yes" needs a date (the onset of the mapped conditions); `dateLabel` says which. */
  readonly asksDate?: Labels;
  readonly conditions: readonly ConditionCode[];
  readonly allergies?: readonly MappedAllergy[];
}

const q = (id: string, en: string, ru: string, conditions: readonly ConditionCode[], extra: Partial<Question> = {}): Question => ({
  id,
  text: { en, ru },
  conditions,
  ...extra,
});

export const QUESTIONS: readonly Question[] = [
  q('pregnant', 'Are you pregnant, or could you be?', 'Вы беременны или можете быть беременны?', ['pregnancy']),
  q('breastfeeding', 'Are you breastfeeding?', 'Вы кормите грудью?', ['lactation']),
  q('menstruating', 'Are you menstruating today?', 'У вас сегодня менструация?', ['menstruation']),
  q('surgery', 'Have you had surgery in the last three months?', 'Были ли у вас операции за последние три месяца?', ['recent-surgery'], {
    asksDate: { en: 'Date of the surgery', ru: 'Дата операции' },
  }),
  q('skin-cancer', 'Have you ever had skin cancer (melanoma, carcinoma)?', 'Было ли у вас злокачественное новообразование кожи (меланома, карцинома)?', [
    'skin-malignancy',
  ]),
  q('bleeding', 'Do you have a bleeding or clotting disorder (e.g. haemophilia)?', 'Есть ли у вас нарушение свёртываемости крови (например, гемофилия)?', [
    'coagulopathy',
  ]),
  q(
    'blood-thinners',
    'Do you take blood thinners (warfarin, aspirin, clopidogrel, rivaroxaban…)?',
    'Принимаете ли вы препараты, разжижающие кровь (варфарин, аспирин, клопидогрел, ривароксабан…)?',
    ['anticoagulants'],
  ),
  q('keloid', 'Do your scars tend to grow thick and raised (keloids)?', 'Бывают ли у вас грубые выпуклые (келоидные) рубцы?', ['keloid']),
  q('gallstones', 'Do you have gallstones?', 'Есть ли у вас камни в желчном пузыре (желчнокаменная болезнь)?', ['cholelithiasis']),
  q('fibromyalgia', 'Do you have fibromyalgia or painful tender points?', 'Есть ли у вас фибромиалгия или болезненные точки?', ['fibromyalgia']),
  q(
    'diabetes',
    'Do you have diabetes treated with insulin, or poorly controlled?',
    'Есть ли у вас сахарный диабет на инсулине или плохо контролируемый?',
    ['diabetes-decompensated'],
  ),
  q('autoimmune', 'Do you have an autoimmune disease (lupus, rheumatoid arthritis…)?', 'Есть ли у вас аутоиммунное заболевание (волчанка, ревматоидный артрит…)?', [
    'autoimmune',
  ]),
  q('epilepsy', 'Do you have epilepsy?', 'Есть ли у вас эпилепсия?', ['epilepsy']),
  q(
    'isotretinoin',
    'Have you taken isotretinoin (Roaccutane, Acnecutan) in the last 12 months?',
    'Принимали ли вы изотретиноин (Роаккутан, Акнекутан) за последние 12 месяцев?',
    ['isotretinoin'],
    { asksDate: { en: 'Date of the last dose', ru: 'Дата последнего приёма' } },
  ),
  q(
    'compositae',
    'Are you allergic to ragweed, chamomile, arnica, calendula or echinacea?',
    'Есть ли у вас аллергия на амброзию, ромашку, арнику, календулу или эхинацею?',
    ['compositae-allergy'],
  ),
  q('fish', 'Are you allergic to fish?', 'Есть ли у вас аллергия на рыбу?', ['fish-allergy']),
  q(
    'anaesthetic-allergy',
    'Have you had an allergic reaction to a local anaesthetic (lidocaine)?',
    'Была ли у вас аллергическая реакция на местный анестетик (лидокаин)?',
    [],
    { allergies: [{ substance: 'lidocaine' }] },
  ),
  q('vaccine', 'Have you been vaccinated in the last two weeks?', 'Делали ли вы прививку за последние две недели?', ['recent-vaccine'], {
    asksDate: { en: 'Date of the vaccination', ru: 'Дата вакцинации' },
  }),
  q('antibiotics', 'Have you taken antibiotics in the last two weeks?', 'Принимали ли вы антибиотики за последние две недели?', ['recent-antibiotics'], {
    asksDate: { en: 'Date of the last dose', ru: 'Дата последнего приёма' },
  }),
];

export const QUESTIONS_BY_ID: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((x) => [x.id, x]));

export interface Answer {
  readonly questionId: string;
  readonly answer: boolean;
  readonly date?: string | undefined;
}

/** What a set of answers adds to the history: conditions (with onset where asked) and allergies. */
export interface MappedHistory {
  readonly conditions: { readonly code: ConditionCode; readonly onset?: string; readonly questionId: string }[];
  readonly allergies: (MappedAllergy & { readonly questionId: string })[];
}

/** Maps the "yes" answers to the conditions and allergies they record (answers are validated first). */
export function mapAnswers(answers: readonly Answer[]): MappedHistory {
  const out: { conditions: MappedHistory['conditions']; allergies: MappedHistory['allergies'] } = { conditions: [], allergies: [] };
  for (const a of answers) {
    const question = QUESTIONS_BY_ID.get(a.questionId);
    if (question === undefined || !a.answer) continue;
    for (const code of question.conditions) out.conditions.push(a.date === undefined ? { code, questionId: a.questionId } : { code, onset: a.date, questionId: a.questionId });
    for (const allergy of question.allergies ?? []) out.allergies.push({ ...allergy, questionId: a.questionId });
  }
  return out;
}
