import { z } from 'zod';
import { roles } from '../permissions.ts';
import { language } from './common.ts';

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
  password: z.string().min(1, 'is required').max(200),
  totp: z.string().regex(/^\d{6}$/, 'must be 6 digits').optional(),
});

export const userSchema = z.object({
  id: z.uuid(),
  clinicId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  language,
  totpEnabled: z.boolean(),
  active: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const meSchema = z.object({
  user: userSchema,
  clinic: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), currency: z.string() }),
  capabilities: z.array(z.string()),
  csrfToken: z.string().nullable(),
});

export const loginAnswer = z.object({ user: userSchema, csrfToken: z.string() });

export const newUserBody = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
  language: language.optional(),
});

export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles).optional(),
  active: z.boolean().optional(),
  language: language.optional(),
  password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
});

export const totpEnableBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') });
export const newTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
