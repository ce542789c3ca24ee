// The vocabularies of adverse-event follow-up (CLINICAL_RULES §3, research/domain.md §4): statuses,
// outcomes (FHIR AdverseEvent.outcome in our spelling), seriousness criteria, routes of a
// treatment, follow-up kinds and what a follow-up found. Each code with an English and a Russian label.
import { z } from 'zod';
import { codeError, defineVocabulary, type Labels } from '../vocabulary/index.ts';

const l = (en: string, ru: string): Labels => ({ en, ru });

/** An event is open until someone looks at it, monitored while it settles, resolved with an outcome. */
export const ADVERSE_EVENT_STATUSES = ['open', 'monitoring', 'resolved'] as const;
export type AdverseEventStatus = (typeof ADVERSE_EVENT_STATUSES)[number];
export const adverseEventStatusSchema = z.enum(ADVERSE_EVENT_STATUSES, codeError('adverse-event status'));
export const adverseEventStatuses = defineVocabulary<AdverseEventStatus, Labels>('adverse-event status', ADVERSE_EVENT_STATUSES, {
  open: l('Open', 'Открыто'),
  monitoring: l('Monitoring', 'Наблюдение'),
  resolved: l('Resolved', 'Разрешилось'),
});

/** How an event ended (FHIR R4 adverse-event-outcome, `recovered` for its `resolved`). */
export const ADVERSE_EVENT_OUTCOMES = ['recovered', 'recovered-with-sequelae', 'ongoing', 'fatal', 'unknown'] as const;
export type AdverseEventOutcome = (typeof ADVERSE_EVENT_OUTCOMES)[number];
export const adverseEventOutcomeSchema = z.enum(ADVERSE_EVENT_OUTCOMES, codeError('adverse-event outcome'));
export const adverseEventOutcomes = defineVocabulary<AdverseEventOutcome, Labels & { readonly fhir: string }>('adverse-event outcome', ADVERSE_EVENT_OUTCOMES, {
  recovered: { ...l('Recovered', 'Выздоровление'), fhir: 'resolved' },
  'recovered-with-sequelae': { ...l('Recovered with sequelae', 'Выздоровление с последствиями'), fhir: 'resolvedWithSequelae' },
  ongoing: { ...l('Ongoing (not recovered)', 'Продолжается (не разрешилось)'), fhir: 'ongoing' },
  fatal: { ...l('Fatal', 'Смерть'), fhir: 'fatal' },
  unknown: { ...l('Unknown', 'Неизвестно'), fhir: 'unknown' },
});

/** What makes an event serious for a regulator (ICH E2A criteria). */
export const SERIOUSNESS_CRITERIA = ['death', 'life-threatening', 'hospitalisation', 'disability', 'congenital-anomaly', 'medically-important'] as const;
export type SeriousnessCriterion = (typeof SERIOUSNESS_CRITERIA)[number];
export const seriousnessCriterionSchema = z.enum(SERIOUSNESS_CRITERIA, codeError('seriousness criterion'));
export const seriousnessCriteria = defineVocabulary<SeriousnessCriterion, Labels>('seriousness criterion', SERIOUSNESS_CRITERIA, {
  death: l('Resulted in death', 'Привело к смерти'),
  'life-threatening': l('Life-threatening', 'Угрожало жизни'),
  hospitalisation: l('Required or prolonged hospitalisation', 'Потребовало госпитализации или её продления'),
  disability: l('Persistent or significant disability', 'Стойкая или значительная нетрудоспособность'),
  'congenital-anomaly': l('Congenital anomaly', 'Врождённая аномалия'),
  'medically-important': l('Other medically important event', 'Другое клинически значимое явление'),
});

/** How a drug of a treatment was given. */
export const TREATMENT_ROUTES = ['im', 'iv', 'sc', 'oral', 'topical', 'inhaled', 'sublingual', 'other'] as const;
export type TreatmentRoute = (typeof TREATMENT_ROUTES)[number];
export const treatmentRouteSchema = z.enum(TREATMENT_ROUTES, codeError('route'));
export const treatmentRoutes = defineVocabulary<TreatmentRoute, Labels>('route', TREATMENT_ROUTES, {
  im: l('Intramuscular', 'Внутримышечно'),
  iv: l('Intravenous', 'Внутривенно'),
  sc: l('Subcutaneous', 'Подкожно'),
  oral: l('Oral', 'Внутрь'),
  topical: l('Topical', 'Местно'),
  inhaled: l('Inhaled', 'Ингаляционно'),
  sublingual: l('Sublingual', 'Под язык'),
  other: l('Other', 'Другое'),
});

/** The position a patient was put in during an emergency. */
export const PATIENT_POSITIONS = ['supine-legs-raised', 'supine', 'recovery', 'sitting', 'left-lateral'] as const;
export type PatientPosition = (typeof PATIENT_POSITIONS)[number];
export const patientPositionSchema = z.enum(PATIENT_POSITIONS, codeError('position'));
export const patientPositions = defineVocabulary<PatientPosition, Labels>('position', PATIENT_POSITIONS, {
  'supine-legs-raised': l('Lying flat, legs raised', 'Лёжа, ноги приподняты'),
  supine: l('Lying flat', 'Лёжа на спине'),
  recovery: l('Recovery position', 'Устойчивое боковое положение'),
  sitting: l('Sitting up (breathing difficulty)', 'Сидя (затруднение дыхания)'),
  'left-lateral': l('On the left side (pregnancy)', 'На левом боку (беременность)'),
});

/** Where an anaphylaxis ended on the day. */
export const EMERGENCY_OUTCOMES = ['recovered-on-site', 'transferred-to-hospital', 'died', 'ongoing'] as const;
export type EmergencyOutcome = (typeof EMERGENCY_OUTCOMES)[number];
export const emergencyOutcomeSchema = z.enum(EMERGENCY_OUTCOMES, codeError('emergency outcome'));
export const emergencyOutcomes = defineVocabulary<EmergencyOutcome, Labels>('emergency outcome', EMERGENCY_OUTCOMES, {
  'recovered-on-site': l('Recovered at the clinic', 'Состояние восстановилось в клинике'),
  'transferred-to-hospital': l('Transferred to hospital', 'Госпитализирован(а)'),
  died: l('Died', 'Смерть'),
  ongoing: l('Still being treated', 'Помощь продолжается'),
});

/** Who reported an event: a clinician in the clinic, or the patient through the portal. */
export const ADVERSE_EVENT_SOURCES = ['clinician', 'patient-portal'] as const;
export type AdverseEventSource = (typeof ADVERSE_EVENT_SOURCES)[number];

/** What a follow-up is: a check after a session, a call or a review of an event, a patient's own report. */
export const FOLLOW_UP_KINDS = ['post-session', 'adverse-event-call', 'adverse-event-review', 'patient-report'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const followUpKinds = defineVocabulary<FollowUpKind, Labels>('follow-up kind', FOLLOW_UP_KINDS, {
  'post-session': l('Check after the session', 'Контроль после сеанса'),
  'adverse-event-call': l('Call about a side effect', 'Звонок по нежелательному явлению'),
  'adverse-event-review': l('Review of a side effect', 'Осмотр по нежелательному явлению'),
  'patient-report': l("Answer the patient's report", 'Ответ на сообщение пациента'),
});

/** What a follow-up found. */
export const FOLLOW_UP_OUTCOMES = ['as-expected', 'resolved', 'improving', 'unchanged', 'worse', 'complication', 'not-reached'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export const followUpOutcomeSchema = z.enum(FOLLOW_UP_OUTCOMES, codeError('follow-up outcome'));
export const followUpOutcomes = defineVocabulary<FollowUpOutcome, Labels>('follow-up outcome', FOLLOW_UP_OUTCOMES, {
  'as-expected': l('As expected: nothing to act on', 'Без особенностей'),
  resolved: l('The side effect has gone', 'Явление прошло'),
  improving: l('Improving', 'Улучшение'),
  unchanged: l('Unchanged: still there', 'Без изменений: сохраняется'),
  worse: l('Worse', 'Ухудшение'),
  complication: l('A complication found', 'Выявлено осложнение'),
  'not-reached': l('Patient not reached: try again', 'Не удалось связаться: повторить'),
});

/** Stored alerts of the clinic: a suspected outbreak, a recalled lot. */
export const ALERT_KINDS = ['suspected-atypical-infection', 'lot-recall'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const alertKinds = defineVocabulary<AlertKind, Labels>('alert kind', ALERT_KINDS, {
  'suspected-atypical-infection': l('Suspected atypical mycobacterial infection', 'Подозрение на атипичную микобактериальную инфекцию'),
  'lot-recall': l('Lot recalled: patients to contact', 'Отзыв серии: связаться с пациентами'),
});
export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
