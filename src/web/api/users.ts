// Users, roles and API tokens of the clinic (owners).
import type { z } from 'zod';
import type { newUserBody, updateUserBody } from '../../domain/api/auth.ts';
import type { UserRecord } from './auth.ts';
import { api } from './client.ts';
import type { Page } from './patients.ts';

export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const listUsers = () => api.get<Page<UserRecord>>('/users');
export const createUser = (body: z.input<typeof newUserBody>) => api.post<UserRecord>('/users', body);
export const updateUser = (id: string, body: z.input<typeof updateUserBody>) => api.patch<UserRecord>(`/users/${id}`, body);
export const listTokens = () => api.get<Page<ApiToken>>('/api-tokens');
export const createToken = (body: { name: string; userId?: string }) => api.post<{ id: string; token: string }>('/api-tokens', body);
export const revokeToken = (id: string) => api.delete<undefined>(`/api-tokens/${id}`);
