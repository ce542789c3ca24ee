// Login, the current user and the second factor.
import type { z } from 'zod';
import type { loginAnswer, meSchema, userSchema } from '../../domain/api/auth.ts';
import { api, call, type Wire } from './client.ts';

export type Me = Wire<z.infer<typeof meSchema>>;
export type UserRecord = Wire<z.infer<typeof userSchema>>;
export type LoginAnswer = Wire<z.infer<typeof loginAnswer>>;
export type Language = 'en' | 'ru';

/** POST /auth/login: a 401 here is an answer (wrong password, code needed), not an expired session. */
export const login = (body: { email: string; password: string; totp?: string }) => call<LoginAnswer>('POST', '/auth/login', { body, anonymous: true });

/** GET /auth/me, also used to find out whether a session cookie is still good. */
export const fetchMe = () => call<Me>('GET', '/auth/me', { anonymous: true });

export const logout = () => api.post<undefined>('/auth/logout');
export const setLanguage = (language: Language) => api.put<undefined>('/auth/me/language', { language });
export const startTotp = () => api.post<{ secret: string; uri: string }>('/auth/totp/setup');
export const enableTotp = (code: string) => api.post<undefined>('/auth/totp/enable', { code });
