// Consents, photos, and the changes made to an adverse event after it was reported.
import type { z } from 'zod';
import type { adrenalineDoseBody, vitalsReadingBody } from '../../domain/api/adverse-event-checklists.ts';
import type { adverseEventPatchBody, transitionBody } from '../../domain/api/adverse-events.ts';
import type { AdverseEvent } from './clinical.ts';
import type { consentSchema, consentSummarySchema, SignatureInput, verifyConsentSchema } from '../../domain/api/consents.ts';
import type { baselineGateSchema, photoComparisonSchema, photoSchema } from '../../domain/api/photos.ts';
import { api, type Wire } from './client.ts';
import type { Page } from './patients.ts';

export type Consent = Wire<z.infer<typeof consentSchema>>;
export type ConsentSummary = Wire<z.infer<typeof consentSummarySchema>>;
export type PhotoRecord = Wire<z.infer<typeof photoSchema>>;
export type PhotoComparison = Wire<z.infer<typeof photoComparisonSchema>>;
export type BaselineGate = Wire<z.infer<typeof baselineGateSchema>>;

export const consents = {
  produce: (courseId: string, additions?: string) => api.post<Consent>(`/courses/${courseId}/consent`, additions ? { additions } : {}),
  producePhotoUse: (patientId: string, photoUse: 'clinical' | 'teaching') => api.post<Consent>(`/patients/${patientId}/photo-consent`, { photoUse }),
  get: (id: string) => api.get<Consent>(`/consents/${id}`),
  list: (patientId: string, courseId?: string) => api.get<Page<ConsentSummary>>(`/patients/${patientId}/consents`, { courseId }),
  sign: (id: string, body: { patientSignature: SignatureInput; typedName: string; doctorSignature: SignatureInput }) => api.post<Consent>(`/consents/${id}/sign`, body),
  withdraw: (id: string, reason: string) => api.post<Consent>(`/consents/${id}/withdraw`, { reason }),
  verify: (id: string) => api.get<z.infer<typeof verifyConsentSchema>>(`/consents/${id}/verify`),
  pdfUrl: (id: string) => `/api/v1/consents/${id}/pdf`,
};

export const photos = {
  upload: (fields: Record<string, string | undefined>, file: Blob, fileName: string) => {
    const form = new FormData();
    // Text fields first: the server reads them before the file streams in.
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, v);
    form.append('file', file, fileName);
    return api.upload<PhotoRecord>('/photos', form);
  },
  ofPatient: (patientId: string, query: { courseId?: string } = {}) => api.get<Page<PhotoRecord>>(`/patients/${patientId}/photos`, { limit: 200, ...query }),
  comparison: (courseId: string) => api.get<PhotoComparison>(`/courses/${courseId}/photo-comparison`),
  baselineGate: (courseId: string) => api.get<BaselineGate>(`/courses/${courseId}/baseline-photos`),
  waiveBaseline: (courseId: string, reason: string) => api.post<BaselineGate>(`/courses/${courseId}/baseline-photo-waiver`, { reason }),
  url: (id: string, size: 'thumb' | 'display' | 'full') => `/api/v1/photos/${id}/${size}`,
};

/** Changing an adverse event: its fields and checklists (PATCH), its status, a dose or a reading at a given time. */
export const adverseEventChanges = {
  patch: (id: string, body: z.input<typeof adverseEventPatchBody>) => api.patch<AdverseEvent>(`/adverse-events/${id}`, body),
  transition: (id: string, body: z.input<typeof transitionBody>) => api.post<AdverseEvent>(`/adverse-events/${id}/transitions`, body),
  adrenalineDose: (id: string, body: z.input<typeof adrenalineDoseBody>) => api.post<AdverseEvent>(`/adverse-events/${id}/adrenaline-doses`, body),
  vitals: (id: string, body: z.input<typeof vitalsReadingBody>) => api.post<AdverseEvent>(`/adverse-events/${id}/vitals`, body),
};

/** Every adverse event of the clinic not resolved yet (open or monitoring), for flags on lists of patients. */
export const unresolvedAdverseEvents = () => api.get<Page<AdverseEvent>>('/adverse-events', { unresolved: 'true', limit: 100 });
