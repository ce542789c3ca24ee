// The anti-shock kit's items: adding, changing and removing them (reading the kit and recording a
// check are in ./safety.ts).
import type { z } from 'zod';
import type { kitItemPatchBody, kitItemSchema, newKitItemBody } from '../../domain/api/emergency-kit.ts';
import { api, type Wire } from './client.ts';

export type KitItem = Wire<z.infer<typeof kitItemSchema>>;

export const kitItems = {
  add: (body: z.input<typeof newKitItemBody>) => api.post<KitItem>('/emergency-kit/items', body),
  update: (id: string, body: z.input<typeof kitItemPatchBody>) => api.patch<KitItem>(`/emergency-kit/items/${id}`, body),
  remove: (id: string) => api.delete<undefined>(`/emergency-kit/items/${id}`),
};
