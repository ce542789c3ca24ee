// The clinic's safety work: the day list, follow-ups, lot tracing and recall, the anti-shock kit,
// and the adverse-event report.
import type { z } from 'zod';
import type { kitAnswer, kitCheckBody, newKitItemBody } from '../../domain/api/emergency-kit.ts';
import type { completeFollowUpAnswer, CompleteFollowUp, followUpItemSchema } from '../../domain/api/follow-ups.ts';
import type { recallAnswer, recipientsAnswer } from '../../domain/api/lot-trace.ts';
import type { todaySchema } from '../../domain/api/today.ts';
import { api, type Wire } from './client.ts';
import type { Page } from './patients.ts';

export type TodayAnswer = Wire<z.infer<typeof todaySchema>>;
export type FollowUp = Wire<z.infer<typeof followUpItemSchema>>;
export type Recipients = Wire<z.infer<typeof recipientsAnswer>>;
export type KitAnswer = Wire<z.infer<typeof kitAnswer>>;

export const today = () => api.get<TodayAnswer>('/today');

export const followUps = {
  list: (query: { status?: string; patientId?: string; overdue?: boolean; practitionerId?: string; dueBefore?: string } = {}) =>
    api.get<Page<FollowUp>>('/follow-ups', { limit: 200, ...query, overdue: query.overdue ? 'true' : undefined }),
  complete: (id: string, body: CompleteFollowUp) => api.post<Wire<z.infer<typeof completeFollowUpAnswer>>>(`/follow-ups/${id}/complete`, body),
};

export const lotTrace = {
  recipients: (lotId: string) => api.get<Recipients>(`/lots/${lotId}/recipients`),
  recall: (lotId: string, reason: string) => api.post<Wire<z.infer<typeof recallAnswer>>>(`/lots/${lotId}/recall`, { reason }),
  contactsCsvUrl: (lotId: string) => `/api/v1/lots/${lotId}/recall-contacts.csv`,
};

export const kit = {
  get: () => api.get<KitAnswer>('/emergency-kit'),
  addItem: (body: z.input<typeof newKitItemBody>) => api.post<unknown>('/emergency-kit/items', body),
  check: (body: z.input<typeof kitCheckBody>) => api.post<unknown>('/emergency-kit/checks', body),
};
