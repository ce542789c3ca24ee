// The clinic's stored alerts: a suspected outbreak (an atypical infection after a session, with the
// other recipients of its lots) and a recalled lot; listed open first and acknowledged with a note.
import type { z } from 'zod';
import type { alertSchema } from '../../domain/api/lot-trace.ts';
import { api, type Wire } from './client.ts';
import type { Page } from './patients.ts';

export type AlertRecord = Wire<z.infer<typeof alertSchema>>;

export const alerts = {
  list: (query: { status?: 'open' | 'acknowledged'; cursor?: string } = {}) => api.get<Page<AlertRecord>>('/alerts', { limit: 100, ...query }),
  get: (id: string) => api.get<AlertRecord>(`/alerts/${id}`),
  acknowledge: (id: string, note?: string) => api.post<AlertRecord>(`/alerts/${id}/acknowledge`, note ? { note } : {}),
};
