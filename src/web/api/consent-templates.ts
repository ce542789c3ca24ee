// The clinic's consent templates: every version, the placeholders a template may use, and saving
// an edit as the next version (owners).
import type { z } from 'zod';
import type { consentTemplateSchema, newTemplateVersionBody, placeholderSchema } from '../../domain/api/consents.ts';
import { api, type Wire } from './client.ts';
import type { Page } from './patients.ts';

export type ConsentTemplate = Wire<z.infer<typeof consentTemplateSchema>>;
export type Placeholder = z.infer<typeof placeholderSchema>;

export const consentTemplates = {
  /** Every version of every kind and language, newest version first. */
  history: () => api.get<Page<ConsentTemplate>>('/consent-templates', { history: 'true' }),
  placeholders: () => api.get<{ items: Placeholder[] }>('/consent-templates/placeholders'),
  addVersion: (body: z.input<typeof newTemplateVersionBody>) => api.post<ConsentTemplate>('/consent-templates', body),
};
