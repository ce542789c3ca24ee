// The clinical record's calls: history, courses, sessions, adverse events, follow-ups.
import type { z } from 'zod';
import type { adverseEventSchema, NewAdverseEvent } from '../../domain/api/adverse-events.ts';
import type { adverseEventDetailSchema } from '../../domain/api/follow-ups.ts';
import type { courseSchema, coursePatchBody, newCourseBody } from '../../domain/api/courses.ts';
import type {
  allergyEntrySchema,
  conditionEntrySchema,
  historySchema,
  historyVersionSchema,
  NewAllergy,
  NewCondition,
  QuestionnaireAnswers,
  questionnaireResultSchema,
  questionnaireSchema,
} from '../../domain/api/history.ts';
import type { amendmentBody, documentationPatch, NewSession, sessionSchema } from '../../domain/api/sessions.ts';
import { api, type Wire } from './client.ts';
import type { Page } from './patients.ts';

export type History = Wire<z.infer<typeof historySchema>>;
export type ConditionEntry = Wire<z.infer<typeof conditionEntrySchema>>;
export type AllergyEntry = Wire<z.infer<typeof allergyEntrySchema>>;
export type HistoryVersion = Wire<z.infer<typeof historyVersionSchema>>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireResult = Wire<z.infer<typeof questionnaireResultSchema>>;
export type Course = Wire<z.infer<typeof courseSchema>>;
export type SessionRecord = Wire<z.infer<typeof sessionSchema>>;
export type AdverseEvent = Wire<z.infer<typeof adverseEventSchema>>;

export const history = {
  get: (patientId: string) => api.get<History>(`/patients/${patientId}/history`),
  versions: (patientId: string, entryId?: string) => api.get<Page<HistoryVersion>>(`/patients/${patientId}/history/versions`, { entryId }),
  addCondition: (patientId: string, body: NewCondition) => api.post<ConditionEntry>(`/patients/${patientId}/conditions`, body),
  resolveCondition: (patientId: string, entryId: string, endDate: string) => api.patch<ConditionEntry>(`/patients/${patientId}/conditions/${entryId}`, { endDate }),
  addAllergy: (patientId: string, body: NewAllergy) => api.post<AllergyEntry>(`/patients/${patientId}/allergies`, body),
  enteredInError: (patientId: string, kind: 'condition' | 'allergy', entryId: string, reason: string) =>
    api.post<HistoryVersion>(`/patients/${patientId}/${kind === 'condition' ? 'conditions' : 'allergies'}/${entryId}/entered-in-error`, { reason }),
  weight: (patientId: string, weightKg: number, measuredOn?: string) => api.post<{ weightKg: number; measuredOn: string }>(`/patients/${patientId}/weight`, { weightKg, ...(measuredOn ? { measuredOn } : {}) }),
  questionnaire: () => api.get<Questionnaire>('/questionnaire'),
  /** Records the answers; the result names the entries the "yes" answers added and those already held. */
  recordQuestionnaire: (patientId: string, body: QuestionnaireAnswers) => api.post<QuestionnaireResult>(`/patients/${patientId}/questionnaire`, body),
};

export const courses = {
  create: (body: z.input<typeof newCourseBody>) => api.post<Course>('/courses', body),
  get: (id: string) => api.get<Course>(`/courses/${id}`),
  update: (id: string, body: z.input<typeof coursePatchBody>) => api.patch<Course>(`/courses/${id}`, body),
  complete: (id: string) => api.post<Course>(`/courses/${id}/complete`),
  cancel: (id: string, reason: string) => api.post<Course>(`/courses/${id}/cancel`, { reason }),
  list: (query: { patientId?: string; status?: string }) => api.get<Page<Course>>('/courses', query),
};

export const sessions = {
  create: (body: NewSession) => api.post<SessionRecord>('/sessions', body),
  get: (id: string) => api.get<SessionRecord>(`/sessions/${id}`),
  list: (query: { courseId?: string; patientId?: string }) => api.get<Page<SessionRecord>>('/sessions', query),
  update: (id: string, body: z.input<typeof documentationPatch>) => api.patch<SessionRecord>(`/sessions/${id}`, body),
  sign: (id: string) => api.post<SessionRecord>(`/sessions/${id}/sign`),
  amend: (id: string, body: z.input<typeof amendmentBody>) => api.post<SessionRecord>(`/sessions/${id}/amendments`, body),
};

export type AdverseEventDetail = Wire<z.infer<typeof adverseEventDetailSchema>>;

export const adverseEvents = {
  create: (body: NewAdverseEvent) => api.post<AdverseEvent>('/adverse-events', body),
  get: (id: string) => api.get<AdverseEventDetail>(`/adverse-events/${id}`),
  transition: (id: string, body: { to: string; outcome?: string; note?: string }) => api.post<AdverseEvent>(`/adverse-events/${id}/transitions`, body),
  treatment: (id: string, body: { drug: string; dose: string; route: string; at: string; note?: string }) => api.post<AdverseEvent>(`/adverse-events/${id}/treatments`, body),
  adrenaline: (id: string, at: string) => api.post<AdverseEvent>(`/adverse-events/${id}/adrenaline-doses`, { at }),
  vitals: (id: string, body: { at: string; systolic?: number; diastolic?: number; pulse?: number }) => api.post<AdverseEvent>(`/adverse-events/${id}/vitals`, body),
  reportPdfUrl: (id: string, lang: string) => `/api/v1/adverse-events/${id}/report.pdf?lang=${lang}`,
  list: (query: { patientId?: string; status?: string }) => api.get<Page<AdverseEvent>>('/adverse-events', query),
};
