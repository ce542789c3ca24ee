// Severity of an adverse event, CTCAE-style grades 1–5 (CLINICAL_RULES §3).
import { z } from 'zod';
import { defineVocabulary, type Labels } from './vocab.ts';

export const SEVERITY_GRADES = [1, 2, 3, 4, 5] as const;
export type SeverityGrade = (typeof SEVERITY_GRADES)[number];
export const severityGradeSchema = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a severity grade 1–5') })
  .int({ error: 'must be a severity grade 1–5' })
  .min(1, { error: 'must be a severity grade 1–5' })
  .max(5, { error: 'must be a severity grade 1–5' });

export interface SeverityGradeEntry extends Labels {
  /** What the grade means, for the event form. */
  readonly meaning: Labels;
}

export const severityGrades = defineVocabulary<SeverityGrade, SeverityGradeEntry>('severity grade', SEVERITY_GRADES, {
  1: {
    en: 'Mild',
    ru: 'Лёгкая',
    meaning: {
      en: 'No or mild symptoms; observation only; no intervention needed.',
      ru: 'Симптомов нет или они слабые; достаточно наблюдения, вмешательство не требуется.',
    },
  },
  2: {
    en: 'Moderate',
    ru: 'Средней тяжести',
    meaning: {
      en: 'Minimal, local or non-invasive treatment needed; limits everyday instrumental activities.',
      ru: 'Нужно минимальное, местное или неинвазивное лечение; ограничивает повседневную активность.',
    },
  },
  3: {
    en: 'Severe',
    ru: 'Тяжёлая',
    meaning: {
      en: 'Severe or medically significant but not immediately life-threatening; hospital care may be needed; limits self-care.',
      ru: 'Тяжёлое или клинически значимое, но не угрожающее жизни непосредственно; может потребоваться госпитализация; ограничивает самообслуживание.',
    },
  },
  4: {
    en: 'Life-threatening',
    ru: 'Угрожающая жизни',
    meaning: {
      en: 'Life-threatening consequences; urgent intervention needed.',
      ru: 'Угрожающие жизни последствия; требуется неотложное вмешательство.',
    },
  },
  5: {
    en: 'Death',
    ru: 'Смерть',
    meaning: { en: 'Death related to the adverse event.', ru: 'Смерть, связанная с нежелательным явлением.' },
  },
});
